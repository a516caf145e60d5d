package io.marketlambda.app;

import io.marketlambda.batch.BatchApplication;
import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.core.config.Durations;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.replay.RecordedReplay;
import io.marketlambda.ingest.replay.Replay;
import io.marketlambda.ingest.replay.ReplaySpeed;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.serving.ServingApplication;
import io.marketlambda.sources.recorded.RecordedSource;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.views.SparkSessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda demo}: the whole lambda architecture on one machine, on real data.
 *
 * <ol>
 *   <li>starts the local stack (Kafka, ZooKeeper, HDFS, HBase) in a child JVM;
 *   <li>in the background, imports the history (Lean daily bars and factor files; with {@code
 *       --data-dir ../shared/data} also the Stooq 96-symbol daily set) into bronze and runs the
 *       nightly batch for {@value #BATCH_RUN_DATE} with the HBase serving copy, which the serving
 *       layer merges from then on;
 *   <li>starts the speed layer and the serving layer (HTTP API and chart page);
 *   <li>replays the trades of {@value #LIVE_DATE} (IBM, SPY) through Kafka as the live day, then
 *       the minute bars of the days after it;
 *   <li>until Ctrl-C or {@code --duration}, then prints a summary and stops everything.
 * </ol>
 *
 * The replay and the history show progress bars ({@link ConsoleProgress}); the console keeps
 * warnings and errors, the full log goes to {@code work/demo/logs}. Its state lives under {@code
 * work/demo} and is wiped at each start.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs the whole lambda architecture on one machine, on real data.",
    description = {
      "Starts a local stack, the speed layer and the serving layer, and replays the trades of "
          + DemoCommand.LIVE_DATE
          + " through Kafka as the live day. Meanwhile it imports the history and runs the"
          + " nightly batch (views up to "
          + DemoCommand.BATCH_RUN_DATE
          + "), which the serving layer merges once it is done.",
      "Prints the URLs and progress; Ctrl-C or --duration stops everything with a summary. The"
          + " full log is in work/demo/logs; the state lives under work/demo and is wiped at"
          + " each start."
    })
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  static final String BATCH_RUN_DATE = "2013-10-04";
  static final String LIVE_DATE = "2013-10-07";
  static final List<Symbol> LIVE_SYMBOLS = List.of(new Symbol("IBM"), new Symbol("SPY"));
  private static final Path WORK = Path.of("work", "demo");
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Duration BAR_INTERVAL = Duration.ofMillis(250);
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "The market data (default: the bundled Lean set, data/ of the installation);"
              + " ../shared/data adds the Stooq 96-symbol daily history.")
  Path dataDir;

  @Option(
      names = "--speed",
      paramLabel = "<speed>",
      defaultValue = "60x",
      description =
          "Replay pace: a multiple of recorded time such as 60x, or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(
      names = "--from",
      paramLabel = "<HH:MM>",
      defaultValue = "09:25",
      description =
          "New York time of the live day the paced replay starts at: the trades before it (the"
              + " pre-market) are published at once, so the open is minutes away (default:"
              + " ${DEFAULT-VALUE}; 00:00 paces the whole day).")
  String from;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      description =
          "Stop this long after the start, print the summary and exit (for scripts and tests; "
              + DurationConverter.FORMAT
              + ").")
  Duration duration;

  @Option(
      names = "--port",
      paramLabel = "<port>",
      defaultValue = "8080",
      description = "Port of the HTTP API and chart page (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--kafka-port",
      paramLabel = "<port>",
      defaultValue = "9092",
      description =
          "Kafka broker port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "<port>",
      defaultValue = "2181",
      description =
          "ZooKeeper port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(
      names = "--hdfs-port",
      paramLabel = "<port>",
      defaultValue = "8020",
      description =
          "NameNode port of the local stack; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int hdfsPort;

  @Option(
      names = "--conf",
      paramLabel = "<key=value>",
      description =
          "One more setting for every job, e.g. --conf speed.trigger-interval=2s; may repeat.")
  List<String> overrides = new ArrayList<>();

  private PrintWriter out;
  private ConsoleProgress console;

  @Override
  public Integer call() throws Exception {
    console = ConsoleProgress.of(spec.commandLine().getOut());
    out = console.lines();
    console.captureStandardError();
    Path data = dataDirectory();
    ReplaySpeed pace = parse(ReplaySpeed::parse, speed, "--speed");
    LocalTime fromTime =
        parse(
            text -> {
              try {
                return LocalTime.parse(text);
              } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a time of day like 09:25", e);
              }
            },
            from,
            "--from");
    Instant liveFrom =
        LocalDate.parse(LIVE_DATE).atTime(fromTime).atZone(MarketTime.MARKET_ZONE).toInstant();
    if (duration != null && duration.toSeconds() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot use --duration " + Durations.format(duration) + ": must be 1s or more");
    }
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    out.println("demo log: " + Logging.logTo(WORK.resolve("logs"), "demo"));

    long begin = System.nanoTime();
    step("1/5", "starting the local stack (Kafka, ZooKeeper, HDFS, HBase)");
    LocalStackProcess stack =
        LocalStackProcess.start(
            new LocalStackOptions(
                WORK.resolve("local-stack"),
                true,
                kafkaPort,
                zookeeperPort,
                hdfsPort,
                Optional.of(WORK.resolve("logs").resolve("local-stack.log")),
                "1g",
                Duration.ofMinutes(3)));
    Demo demo = new Demo(stack);
    Thread hook = new Thread(() -> demo.stop(true), "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Map<sun.misc.Signal, sun.misc.SignalHandler> previous = stopOnSignals(demo);
    try {
      List<String> entries = settingEntries(stack, port);
      Settings settings = Settings.empty().withOverrides(entries);
      Path endpoints = WORK.resolve("settings.properties");
      Files.write(endpoints, entries, StandardCharsets.UTF_8);
      // One session for the speed layer, the import and the batch: created with Delta's
      // extensions, which cannot be added to a running session.
      BatchSession.getOrCreate("marketlambda-demo", settings);

      step(
          "2/5",
          "importing the history from "
              + data
              + " and running the nightly batch for "
              + BATCH_RUN_DATE
              + " in the background (the chart shows the live day until then)");
      demo.startHistory(data, endpoints, settings, begin);

      step("3/5", "starting the speed layer (Spark Structured Streaming -> HBase realtime views)");
      new io.marketlambda.ingest.kafka.TopicCreator(KafkaPublishConfig.from(settings))
          .createMissing(List.of(io.marketlambda.core.config.TopicsConfig.from(settings).quotes()));
      demo.startSpeed(settings);

      step("4/5", "starting the serving layer");
      demo.serving = ServingApplication.start(settings);
      String key =
          Files.readString(WORK.resolve("api-keys"), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .findFirst()
              .orElseThrow();
      String base = "http://127.0.0.1:" + demo.serving.port();
      out.printf("  chart:   %s/?key=%s&symbol=IBM%n", base, key);
      out.printf("  live:    %s/?key=%s&symbol=IBM&interval=1m%n", base, key);
      out.printf(
          "  API:     curl -H 'X-API-Key: %s' '%s/v1/symbols/IBM/bars?interval=1d&from=2013-09-01&to=2013-10-11'%n",
          key, base);
      out.printf("  OpenAPI: %s/openapi.json%n", base);
      out.flush();

      step(
          "5/5",
          "replaying the trades of "
              + LIVE_DATE
              + ", then the minute bars of the days after it ("
              + LIVE_SYMBOLS
              + ") at "
              + pace
              + (pace.equals(ReplaySpeed.MAX) ? "" : ", paced from " + fromTime + " New York")
              + "; Ctrl-C stops");
      demo.startReplay(settings, data.resolve("lean"), pace, liveFrom);

      demo.reportFirstQuote(base, key, begin);

      Long remaining =
          duration == null
              ? null
              : Math.max(0, duration.toSeconds() - (System.nanoTime() - begin) / 1_000_000_000L);
      boolean timedOut = demo.awaitEnd(remaining);
      if (duration != null && timedOut) {
        out.printf("--duration %s reached%n", Durations.format(duration));
      }
      demo.stop(false);
      Runtime.getRuntime().removeShutdownHook(hook);
      return demo.failure.get() == null ? 0 : MarketLambdaApplication.EXIT_FAILURE;
    } catch (RuntimeException | Error e) {
      demo.stop(false);
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    } finally {
      previous.forEach(sun.misc.Signal::handle);
    }
  }

  /**
   * Ctrl-C (SIGINT) and SIGTERM end the demo as {@code --duration} does: the main thread stops
   * everything in order, prints the summary and exits 0 (the JVM's default would run Spark's
   * shutdown hook under the running queries). A second one stops the JVM at once.
   *
   * @return the handlers they replaced, to put back when the demo ends
   */
  private Map<sun.misc.Signal, sun.misc.SignalHandler> stopOnSignals(Demo demo) {
    Map<sun.misc.Signal, sun.misc.SignalHandler> previous = new java.util.HashMap<>();
    for (String name : List.of("INT", "TERM")) {
      sun.misc.Signal signal;
      try {
        signal = new sun.misc.Signal(name);
      } catch (IllegalArgumentException e) {
        continue; // not a signal here: the shutdown hook stops the demo
      }
      previous.put(
          signal,
          sun.misc.Signal.handle(
              signal,
              received -> {
                if (demo.signalled.getAndSet(true)) {
                  Runtime.getRuntime().halt(128 + received.getNumber());
                }
                out.println(
                    "SIG" + received.getName() + ": stopping everything (once more: at once)");
                out.flush();
                demo.ended.countDown();
              }));
    }
    return previous;
  }

  /** The running pieces, stopped once, by the main thread or the Ctrl-C hook. */
  private final class Demo {
    final LocalStackProcess stack;
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final java.util.concurrent.atomic.AtomicBoolean signalled =
        new java.util.concurrent.atomic.AtomicBoolean();
    volatile ServingApplication serving;
    volatile Thread speedThread;
    volatile Thread replayThread;
    volatile long batchRows;
    private Thread historyThread;
    volatile long eventsReplayed;
    volatile Settings settings;
    private volatile boolean stopped;

    Demo(LocalStackProcess stack) {
      this.stack = stack;
    }

    /**
     * Creates the realtime view tables (the serving layer reads them at once; the speed layer's own
     * creation then finds them), then runs the speed layer in a thread of its own.
     */
    void startSpeed(Settings settings) {
      this.settings = settings;
      RealtimeViewsSchema.createIfAbsent(
          HBaseConnector.hbaseSettings(settings), HBaseViewsConfig.from(settings));
      speedThread =
          new Thread(
              () -> {
                try {
                  SpeedApplication.run(settings);
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                  out.println("speed layer stopped: " + e.getMessage());
                  ended.countDown();
                }
              },
              "demo-speed");
      speedThread.setDaemon(true);
      speedThread.start();
    }

    /**
     * Replays the live day's trades ({@code lean/tick}) to the quotes topic, then the minute bars
     * of the days after it ({@code lean/minute}, when there) to the bars topic.
     */
    void startReplay(Settings settings, Path lean, ReplaySpeed pace, Instant liveFrom) {
      replayThread =
          new Thread(
              () -> {
                try {
                  RecordedReplay.Result trades;
                  try (ConsoleProgress.Task bar = console.start("replay trades", -1, "events")) {
                    trades =
                        replay(settings, pace, liveFrom, bar)
                            .run(RecordedSource.LEAN_TICK, lean.resolve("tick"), LIVE_SYMBOLS);
                  }
                  eventsReplayed = trades.replay().events();
                  out.println("  " + trades.replay() + " -> " + trades.topic());
                  if (trades.replay().stopped()) {
                    return;
                  }
                  Path week = stageMinuteBarsAfterTheLiveDay(lean.resolve("minute"));
                  if (week != null) {
                    RecordedReplay.Result bars;
                    try (ConsoleProgress.Task bar = console.start("replay bars", -1, "events")) {
                      bars =
                          replay(settings, pace, null, bar)
                              .run(RecordedSource.LEAN_MINUTE, week, LIVE_SYMBOLS);
                    }
                    eventsReplayed += bars.replay().events();
                    out.println("  " + bars.replay() + " -> " + bars.topic());
                    if (bars.replay().stopped()) {
                      return;
                    }
                  }
                  out.println(
                      "  replay finished; the views stay up"
                          + (duration == null ? " until Ctrl-C" : " until --duration"));
                  out.flush();
                } catch (RuntimeException e) {
                  if (stopped) {
                    return; // stopping: the stack may be going away under the replay
                  }
                  failure.compareAndSet(null, e);
                  out.println("replay failed: " + e.getMessage());
                  ended.countDown();
                }
              },
              "demo-replay");
      replayThread.setDaemon(true);
      replayThread.start();
    }

    /** A replay paced by {@code pace}, fast-forwarded to {@code from} unless it is null. */
    private RecordedReplay replay(
        Settings settings, ReplaySpeed pace, Instant from, ConsoleProgress.Task bar) {
      Replay pacing =
          new Replay(
                  pace, Clock.systemUTC(), Replay.Sleeper.threadSleep(), BAR_INTERVAL, line -> {})
              .reportingTo(BAR_INTERVAL, bar::replayed);
      if (from != null) {
        pacing = pacing.fastForwardTo(from);
      }
      return new RecordedReplay(
          KafkaPublishConfig.from(settings),
          pacing,
          WORK.resolve("quarantine").resolve("replay.jsonl"));
    }

    /**
     * Copies the Lean minute-bar files of the live symbols dated after the live day into {@code
     * work/demo/replay/minute}; null when there are none.
     */
    private Path stageMinuteBarsAfterTheLiveDay(Path minute) {
      if (!Files.isDirectory(minute)) {
        return null;
      }
      Path staged = WORK.resolve("replay").resolve("minute");
      String after = LIVE_DATE.replace("-", "");
      try (var files = Files.list(minute)) {
        Files.createDirectories(staged);
        int copied = 0;
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          boolean live =
              LIVE_SYMBOLS.stream()
                  .anyMatch(
                      symbol ->
                          name.contains(
                              "_" + symbol.value().toLowerCase(Locale.ROOT) + "_minute_trade"));
          if (live && name.length() > 8 && name.substring(0, 8).compareTo(after) > 0) {
            Files.copy(file, staged.resolve(name));
            copied++;
          }
        }
        return copied == 0 ? null : staged;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stage the minute bars of " + minute, e);
      }
    }

    /**
     * Imports the history and runs the nightly batch with its serving copy in a thread of its own,
     * beside the live day; the serving layer reads the batch views' pointer again within its
     * refresh and merges them from then on.
     */
    void startHistory(Path data, Path settingsFile, Settings settings, long begin) {
      historyThread =
          new Thread(
              () -> {
                try {
                  long started = System.nanoTime();
                  BatchJob.Run run;
                  try (ConsoleProgress.Task bar = console.startSteps("history", "steps")) {
                    bar.message("import");
                    importHistory(data, settingsFile);
                    bar.step();
                    run =
                        BatchApplication.run(
                            settings,
                            LocalDate.parse(BATCH_RUN_DATE),
                            OptionalLong.empty(),
                            line -> {
                              bar.step();
                              bar.message(
                                  line.strip()
                                      .replaceAll("^batch run \\S+: ", "")
                                      .replaceAll("\\s+", " "));
                            });
                  }
                  batchRows = run.rowCounts().values().stream().mapToLong(Long::longValue).sum();
                  out.printf(
                      Locale.ROOT,
                      "  history served: batch run %s, %,d symbols, %,d rows; import and batch"
                          + " took %.0f s, %.0f s after the start%n",
                      run.runId(),
                      run.watermarks().size(),
                      batchRows,
                      (System.nanoTime() - started) / 1e9,
                      (System.nanoTime() - begin) / 1e9);
                  out.flush();
                } catch (Exception e) { // Spark's exceptions are checked, yet thrown unchecked
                  if (stopped) {
                    return; // stopping: the session and the stack go away under the batch
                  }
                  failure.compareAndSet(null, e);
                  out.println("history failed: " + e.getMessage());
                  ended.countDown();
                }
              },
              "demo-history");
      historyThread.setDaemon(true);
      historyThread.start();
    }

    /** Prints when the API first answers a live quote, counted from the demo's start. */
    void reportFirstQuote(String base, String key, long begin) {
      Thread watcher =
          new Thread(
              () -> {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.http.HttpRequest request =
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                base + "/v1/symbols/" + LIVE_SYMBOLS.get(0).value() + "/quote"))
                        .header("X-API-Key", key)
                        .timeout(Duration.ofSeconds(5))
                        .build();
                while (!stopped) {
                  try {
                    if (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode()
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

    /** Waits for the duration, or forever (until Ctrl-C or a failure); true when it elapsed. */
    boolean awaitEnd(Long seconds) throws InterruptedException {
      if (seconds == null) {
        ended.await();
        return false;
      }
      return !ended.await(seconds, TimeUnit.SECONDS);
    }

    synchronized void stop(boolean fromHook) {
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
      if (replayThread != null) {
        replayThread.interrupt();
        try {
          replayThread.join(10_000); // it flushes what it sent and says how far it got
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (serving != null) {
        serving.close();
      }
      SparkSession.getActiveSession()
          .foreach(
              spark -> {
                stopQueries(spark);
                return null;
              });
      SparkSession.getDefaultSession()
          .foreach(
              spark -> {
                stopQueries(spark);
                return null;
              });
      // The speed layer closes its Kafka producers once its queries have ended: before the
      // brokers go away, or they would warn about the lost broker until the JVM exits.
      join(speedThread);
      SparkSession.getDefaultSession()
          .foreach(
              spark -> {
                if (!fromHook) {
                  spark.sparkContext().cancelAllJobs(); // a batch still under way
                  awaitNoActiveJobs(spark);
                  // Its maintenance thread would otherwise run once more after the context stops.
                  org.apache.spark.sql.execution.streaming.state.StateStore.stop();
                  spark.stop(); // on Ctrl-C, Spark's own shutdown hook stops its context
                }
                return null;
              });
      stack.close();
      if (failure.get() != null) {
        log.error(Logging.FILE_ONLY, "demo failed", failure.get());
      }
      console.closeAll();
      out.printf(
          Locale.ROOT,
          "summary: %,d events replayed (trades and minute bars), %,d 1-minute bars in the realtime views, %,d batch rows, %,d API requests served%s%n",
          eventsReplayed,
          bars,
          batchRows,
          requests,
          failure.get() == null
              ? ""
              : "; failed: "
                  + failure.get().getMessage()
                  + Logging.file().map(file -> " (log: " + file + ")").orElse(""));
      out.flush();
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
     * Waits (at most {@link #STOP_WAIT}) until the killed tasks of the stopped queries and
     * cancelled jobs have reported back: stopping the context under them logs each late report at
     * ERROR.
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

    private Void stopQueries(SparkSession spark) {
      for (StreamingQuery query : spark.streams().active()) {
        try {
          query.stop();
        } catch (java.util.concurrent.TimeoutException e) {
          out.println("Cannot stop query " + query.name() + " in time");
        }
      }
      return null;
    }
  }

  private void importHistory(Path data, Path settingsFile) {
    List<List<String>> imports = new ArrayList<>();
    imports.add(
        List.of(
            "--source", "lean-daily", "--path", data.resolve("lean").resolve("daily").toString()));
    Path stooq = data.resolve("stooq-daily-us");
    if (Files.isDirectory(stooq)) {
      imports.add(List.of("--source", "stooq-daily", "--path", stooq.toString()));
    }
    for (List<String> arguments : imports) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "import",
                  "--config",
                  settingsFile.toString(),
                  "--quarantine",
                  WORK.resolve("quarantine").resolve("import.jsonl").toString()));
      args.addAll(arguments);
      // Its errors are shown by the failure it raises here, not when the demo is stopping.
      java.io.StringWriter errors = new java.io.StringWriter();
      int exit =
          MarketLambdaApplication.commandLine()
              .setOut(out)
              .setErr(new PrintWriter(errors, true))
              .execute(args.toArray(String[]::new));
      if (exit != 0) {
        throw new IllegalStateException(
            "Cannot import the history: marketlambda "
                + String.join(" ", args)
                + " exited with "
                + exit
                + ": "
                + errors.toString().strip());
      }
    }
  }

  /** The local stack's endpoints, the demo's lake and keys, and the user's --conf: key=value. */
  private List<String> settingEntries(LocalStackProcess stack, int servingPort) throws IOException {
    Path keys = WORK.resolve("api-keys");
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    Files.writeString(
        keys,
        "# API keys of the demo's serving layer, one per line\n"
            + HexFormat.of().formatHex(random)
            + "\n",
        StandardCharsets.UTF_8);
    List<String> demo =
        List.of(
            "lake.root=" + WORK.resolve("lake").toAbsolutePath(),
            // The live day is 2013-10-07: realtime cells older than their TTL would be invisible.
            "realtime.ttl=10000d",
            "batch.serving-copy=true",
            // The history loads beside the live day: a fresh lake has nothing to compact or
            // vacuum, and the views query need not run micro-batches back to back (the latest
            // quote has its own continuous query) to leave the batch some of the cores.
            "batch.optimize=false",
            "batch.vacuum-retention=0s",
            "speed.trigger-interval=1s",
            "serving.http.port=" + servingPort,
            "serving.api-keys-file=" + keys.toAbsolutePath(),
            "speed.metrics-port=0",
            // The replay is recorded history: with --speed max the minute bars of Tuesday to
            // Friday race ahead of Monday's trades on the other topic, and the speed layer's one
            // watermark would call those trades late. A week covers the live days.
            "speed.watermark=7d",
            // Task slots beyond the cores: the speed layer's continuous latest-quote query holds
            // one per quotes partition for as long as it runs, and the views query needs two
            // more (the batch shares the session); with fewer it runs micro-batches.
            "spark.master=local["
                + (Runtime.getRuntime().availableProcessors()
                    + Settings.of(java.util.Map.of())
                        .withOverrides(overrides)
                        .get(KafkaPublishConfig.PARTITIONS)
                    + 2)
                + ","
                + SparkSessions.LOCAL_TASK_ATTEMPTS
                + "]");
    List<String> entries = new ArrayList<>();
    stack.endpoints().asProperties().forEach((key, value) -> entries.add(key + "=" + value));
    entries.addAll(demo);
    entries.addAll(overrides);
    return entries;
  }

  private Path dataDirectory() {
    Path data = dataDir;
    if (data == null) {
      String home = System.getenv("MARKETLAMBDA_HOME");
      data = home == null ? Path.of("data") : Path.of(home, "data");
    }
    if (!Files.isDirectory(data.resolve("lean").resolve("daily"))
        || !Files.isDirectory(data.resolve("lean").resolve("tick"))) {
      throw new ParameterException(
          spec.commandLine(),
          "Cannot use --data-dir "
              + data
              + ": it has no lean/daily and lean/tick directories (the bundled data/ or ../shared/data)");
    }
    return data;
  }

  private void step(String number, String what) {
    out.printf("[%s] %s%n", number, what);
    out.flush();
  }

  private <T> T parse(java.util.function.Function<String, T> parser, String value, String option) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot use " + option + " " + value + ": " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
