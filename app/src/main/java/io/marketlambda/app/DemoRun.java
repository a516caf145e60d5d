package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.core.config.Durations;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.ingest.replay.ReplaySpeed;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.serving.ServingApplication;
import io.marketlambda.speed.SpeedApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.state.StateStore;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo, start to end: the local stack, then at once the history ({@link DemoHistory}) beside
 * the speed layer ({@link SpeedApplication}) and the serving layer ({@link ServingApplication}),
 * then the live day ({@link DemoReplay}); until Ctrl-C, SIGTERM, {@code --duration} or a failure,
 * then everything stops once, in order, and a summary is printed. Its state lives under {@code
 * work/demo}, wiped at each start.
 */
final class DemoRun {
  static final String BATCH_RUN_DATE = "2013-10-04";
  static final String LIVE_DATE = "2013-10-07";
  static final List<Symbol> LIVE_SYMBOLS = List.of(new Symbol("IBM"), new Symbol("SPY"));
  private static final Path WORK = Path.of("work", "demo");
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(DemoRun.class);

  /**
   * What the user asked for.
   *
   * @param data the market data directory (lean/daily, lean/tick, maybe stooq-daily-us)
   * @param from the New York time of the live day the paced replay starts at
   * @param duration how long to run, empty for until Ctrl-C
   * @param overrides {@code key=value} settings applied last
   */
  record Options(
      Path data,
      ReplaySpeed pace,
      LocalTime from,
      Optional<Duration> duration,
      int port,
      int kafkaPort,
      int zookeeperPort,
      int hdfsPort,
      List<String> overrides) {}

  /** Where the demo's threads report a failure; ignored once the demo is stopping. */
  interface Failures {
    void failed(String what, Throwable e);
  }

  private final Options options;
  private final ConsoleProgress console;
  private final PrintWriter out;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private DemoSignals signals;
  private volatile boolean stopped;
  private LocalStackProcess stack;
  private volatile Settings settings;
  private volatile ServingApplication serving;
  private volatile Thread speedThread;
  private volatile DemoHistory history;
  private volatile DemoReplay replay;

  DemoRun(Options options, ConsoleProgress console) {
    this.options = options;
    this.console = console;
    this.out = console.lines();
  }

  /** Runs the demo; returns the exit code: 0, or 1 when a part failed. */
  int run() throws Exception {
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    out.println("demo log: " + Logging.logTo(WORK.resolve("logs"), "demo"));
    long begin = System.nanoTime();
    step("1/5", "starting the local stack (Kafka, ZooKeeper, HDFS, HBase)");
    stack =
        LocalStackProcess.start(
            new LocalStackOptions(
                WORK.resolve("local-stack"),
                true,
                options.kafkaPort(),
                options.zookeeperPort(),
                options.hdfsPort(),
                Optional.of(WORK.resolve("logs").resolve("local-stack.log")),
                "1g",
                Duration.ofMinutes(3)));
    Thread hook = new Thread(() -> stop(true), "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    signals =
        DemoSignals.install(
            received -> {
              out.println(
                  "SIG" + received.getName() + ": stopping everything (once more: at once)");
              out.flush();
              ended.countDown();
            });
    try {
      startEverything(begin);
      Optional<Duration> duration = options.duration();
      boolean timedOut = awaitEnd(duration.map(d -> d.minusNanos(System.nanoTime() - begin)));
      if (duration.isPresent() && timedOut) {
        out.printf("--duration %s reached%n", Durations.format(duration.get()));
      }
      stop(false);
      return failure.get() == null ? 0 : MarketLambdaApplication.EXIT_FAILURE;
    } catch (Exception | Error e) {
      stop(false);
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is stopping the demo
      }
      signals.close();
    }
  }

  private void startEverything(long begin) throws IOException {
    List<String> entries = DemoSettings.entries(stack, WORK, options.port(), options.overrides());
    settings = Settings.empty().withOverrides(entries);
    Files.write(WORK.resolve("settings.properties"), entries, StandardCharsets.UTF_8);
    // One session for the speed layer, the import and the batch: created with Delta's
    // extensions, which cannot be added to a running session.
    BatchSession.getOrCreate("marketlambda-demo", settings);

    step(
        "2/5",
        "importing the history from "
            + options.data()
            + " and running the nightly batch for "
            + BATCH_RUN_DATE
            + " in the background (the chart shows the live day until then)");
    history =
        new DemoHistory(
            settings,
            options.data(),
            WORK.resolve("quarantine").resolve("import.jsonl"),
            console,
            out,
            this::failed);
    history.start(begin);

    step("3/5", "starting the speed layer (Spark Structured Streaming -> HBase realtime views)");
    new TopicCreator(KafkaPublishConfig.from(settings))
        .createMissing(List.of(TopicsConfig.from(settings).quotes()));
    startSpeed();

    step("4/5", "starting the serving layer");
    serving = ServingApplication.start(settings);
    String key = DemoSettings.apiKey(WORK);
    String base = "http://127.0.0.1:" + serving.port();
    out.printf("  chart:   %s/?key=%s&symbol=IBM%n", base, key);
    out.printf("  live:    %s/?key=%s&symbol=IBM&interval=1m%n", base, key);
    out.printf(
        "  API:     curl -H 'X-API-Key: %s' '%s/v1/symbols/IBM/bars?interval=1d&from=2013-09-01&to=2013-10-11'%n",
        key, base);
    out.printf("  OpenAPI: %s/openapi.json%n", base);
    out.flush();

    ReplaySpeed pace = options.pace();
    step(
        "5/5",
        "replaying the trades of "
            + LIVE_DATE
            + ", then the minute bars of the days after it ("
            + LIVE_SYMBOLS
            + ") at "
            + pace
            + (pace.equals(ReplaySpeed.MAX) ? "" : ", paced from " + options.from() + " New York")
            + "; Ctrl-C stops");
    Instant liveFrom =
        LocalDate.parse(LIVE_DATE)
            .atTime(options.from())
            .atZone(MarketTime.MARKET_ZONE)
            .toInstant();
    replay =
        new DemoReplay(settings, options.data().resolve("lean"), WORK, console, out, this::failed);
    replay.start(
        pace, liveFrom, options.duration().isEmpty() ? "until Ctrl-C" : "until --duration");
    reportFirstQuote(base, key, begin);
  }

  /**
   * Creates the realtime view tables (the serving layer reads them at once; the speed layer's own
   * creation then finds them), then runs the speed layer in a thread of its own.
   */
  private void startSpeed() {
    RealtimeViewsSchema.createIfAbsent(
        HBaseConnector.hbaseSettings(settings), HBaseViewsConfig.from(settings));
    speedThread =
        new Thread(
            () -> {
              try {
                SpeedApplication.run(settings);
              } catch (Exception e) {
                failed("speed layer stopped", e);
              }
            },
            "demo-speed");
    speedThread.setDaemon(true);
    speedThread.start();
  }

  private void failed(String what, Throwable e) {
    if (stopped) {
      return; // stopping: the session and the stack go away under the threads
    }
    failure.compareAndSet(null, e);
    out.println(what + ": " + e.getMessage());
    ended.countDown();
  }

  /** Prints when the API first answers a live quote, counted from the demo's start. */
  private void reportFirstQuote(String base, String key, long begin) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "/v1/symbols/" + LIVE_SYMBOLS.get(0).value() + "/quote"))
            .header("X-API-Key", key)
            .timeout(Duration.ofSeconds(5))
            .build();
    Thread watcher =
        new Thread(
            () -> {
              HttpClient http = HttpClient.newHttpClient();
              while (!stopped) {
                try {
                  if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 200) {
                    out.printf(
                        Locale.ROOT,
                        "  first live quote served %.0f s after the start%n",
                        (System.nanoTime() - begin) / 1e9);
                    out.flush();
                    return;
                  }
                  Thread.sleep(250);
                } catch (IOException e) {
                  // not up yet, or going away
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "demo-first-quote");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Waits for what is left of the duration, or forever; true when it elapsed. */
  private boolean awaitEnd(Optional<Duration> left) throws InterruptedException {
    if (left.isEmpty()) {
      ended.await();
      return false;
    }
    return !ended.await(Math.max(0, left.get().toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Stops everything once, from the main thread or the shutdown hook. */
  private synchronized void stop(boolean fromHook) {
    if (stopped) {
      return;
    }
    stopped = true;
    ended.countDown();
    Runnable restoreConsole = Logging.silenceConsole();
    try {
      stopAll(fromHook);
    } finally {
      restoreConsole.run();
    }
  }

  private void stopAll(boolean fromHook) {
    long bars = countLiveBars();
    long requests = serving == null ? 0 : serving.requestsServed();
    if (replay != null) {
      replay.stop();
    }
    if (serving != null) {
      serving.close();
    }
    stopSpark(fromHook);
    if (stack != null) {
      stack.close();
    }
    if (failure.get() != null) {
      log.error(Logging.FILE_ONLY, "demo failed", failure.get());
    }
    console.closeAll();
    out.printf(
        Locale.ROOT,
        "summary: %,d events replayed (trades and minute bars), %,d 1-minute bars in the realtime views, %,d batch rows, %,d API requests served%s%n",
        replay == null ? 0 : replay.eventsReplayed(),
        bars,
        history == null ? 0 : history.batchRows(),
        requests,
        failure.get() == null
            ? ""
            : "; failed: "
                + failure.get().getMessage()
                + Logging.file().map(file -> " (log: " + file + ")").orElse(""));
    out.flush();
  }

  /**
   * Stops the streaming queries, waits for the speed layer to close its Kafka producers (before the
   * brokers go away, or they would warn about the lost broker until the JVM exits), cancels a batch
   * still under way and stops the session; on Ctrl-C, Spark's own shutdown hook stops it.
   */
  private void stopSpark(boolean fromHook) {
    SparkSession.getActiveSession().foreach(this::stopQueries);
    SparkSession.getDefaultSession().foreach(this::stopQueries);
    join(speedThread);
    SparkSession.getDefaultSession()
        .foreach(
            spark -> {
              if (!fromHook) {
                spark.sparkContext().cancelAllJobs();
                awaitNoActiveJobs(spark);
                // Its maintenance thread would otherwise run once more after the context stops.
                StateStore.stop();
                spark.stop();
              }
              return null;
            });
  }

  private Void stopQueries(SparkSession spark) {
    for (StreamingQuery query : spark.streams().active()) {
      try {
        query.stop();
      } catch (TimeoutException e) {
        out.println("Cannot stop query " + query.name() + " in time");
      }
    }
    return null;
  }

  private static void join(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits (at most {@link #STOP_WAIT}) until the killed tasks of the stopped queries and cancelled
   * jobs have reported back: stopping the context under them logs each late report at ERROR.
   */
  private static void awaitNoActiveJobs(SparkSession spark) {
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    while (spark.sparkContext().statusTracker().getActiveStageIds().length > 0
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private long countLiveBars() {
    if (settings == null) {
      return 0;
    }
    try (Connection connection = HBaseConnector.connect(HBaseConnector.hbaseSettings(settings))) {
      RealtimeViewReader reader =
          new RealtimeViewReader(connection, HBaseViewsConfig.from(settings));
      LocalDate live = LocalDate.parse(LIVE_DATE);
      long count = 0;
      for (Symbol symbol : LIVE_SYMBOLS) {
        count +=
            reader
                .bars(
                    symbol,
                    BarInterval.ONE_MINUTE,
                    MarketTime.startOf(live),
                    MarketTime.startOf(live.plusDays(7)))
                .size();
      }
      return count;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private void step(String number, String what) {
    out.printf("[%s] %s%n", number, what);
    out.flush();
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
