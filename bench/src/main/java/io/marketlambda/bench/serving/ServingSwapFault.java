package io.marketlambda.bench.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.serving.ServingApplication;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.client.ServingClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.client.Connection;

/**
 * F8 of the fault suite: the serving copy swapped while the HTTP API is read at load. Readers ask
 * an in-process API server for a symbol's daily bars across its batch watermark, in a closed loop,
 * while a later batch run's export switches the serving copy's pointer. Every answer must be a 200
 * that is wholly the old run's view or wholly the new one's: its bar count the one the old or new
 * pointer gives for the batch watermark it reports, no bar twice; and the new view must be served
 * within a minute of the swap (the server reads the pointer again every few seconds): its row's
 * recovery is the seconds from the swap's end to the first answer from the new view.
 */
public final class ServingSwapFault {
  /** The fault's id in the suite. */
  public static final String ID = "F8";

  /** What it injects. */
  public static final String DESCRIPTION = "serving copy swapped while the API is read at load";

  private static final int READERS = 8;
  private static final Duration BEFORE = Duration.ofSeconds(3);
  private static final Duration AFTER = Duration.ofSeconds(3);
  private static final Duration NEW_VIEW_WITHIN = Duration.ofSeconds(60);

  private final Settings settings;
  private final Symbol symbol;
  private final Path work;
  private final Consumer<String> out;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param settings HBase settings ({@code hbase.*}) and views ({@code views.*}) of a serving copy
   *     a batch run exported
   * @param symbol a symbol of that run's views
   * @param work where the API key file goes
   */
  public ServingSwapFault(Settings settings, Symbol symbol, Path work, Consumer<String> out) {
    this.settings = settings;
    this.symbol = symbol;
    this.work = work;
    this.out = out;
  }

  /**
   * Reads at load, runs {@code swap}, reads on, and accounts for every answer.
   *
   * @param swap exports a later batch run, which switches the pointer; must add daily bars of the
   *     symbol
   */
  public FaultRow run(Callable<?> swap) throws Exception {
    BenchApiKey api = BenchApiKey.create(settings, work, "F8-api-keys");
    String key = api.key();
    Settings serving = api.settings();
    List<String> problems = new ArrayList<>();
    ServingConfig config = ServingConfig.from(serving);
    try (Connection hbase = HBaseConnector.connect(config.hbase())) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), config.views());
    }
    try (ServingClient client = ServingClient.connect(config);
        ServingApplication server = ServingApplication.start(serving)) {
      BatchViewPointer before =
          client
              .views()
              .batchViews()
              .orElseThrow(() -> new IllegalStateException("Cannot run F8: no serving copy"));
      Instant watermark =
          before
              .watermarkOf(symbol)
              .orElseThrow(() -> new IllegalStateException("Cannot run F8: no " + symbol));
      String url = barsUrl(server.port(), watermark);
      HttpClient http = HttpClient.newHttpClient();
      Answer first = get(http, url, key);
      Map<String, Integer> countByWatermark = new ConcurrentHashMap<>();
      countByWatermark.put(first.watermark(), first.count());

      AtomicBoolean reading = new AtomicBoolean(true);
      AtomicLong requests = new AtomicLong();
      Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
      List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
      long started = System.nanoTime();
      ExecutorService readers = startReaders(http, url, key, reading, requests, answers, outcomes);
      Swapped swapped;
      try {
        swapped = swap(swap, http, url, key, first, requests);
      } finally {
        // Also when the swap fails: the readers must not go on against a closed server.
        reading.set(false);
        readers.shutdown();
        readers.awaitTermination(1, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Answer afterSwap = swapped.afterSwap();
      countByWatermark.put(afterSwap.watermark(), afterSwap.count());

      if (afterSwap.watermark().equals(first.watermark())) {
        problems.add(
            "the new view was not served within "
                + NEW_VIEW_WITHIN.toSeconds()
                + " s of the swap: batch watermark still "
                + afterSwap.watermark());
      }
      Tally tally = tally(answers, countByWatermark, outcomes, problems);
      out.accept(
          String.format(
              Locale.ROOT,
              "  F8: %,d answers %s; the swap took %.1f s, the new view served %.1f s after it;"
                  + " daily bars by batch watermark %s",
              answers.size(),
              tally.statuses(),
              swapped.swapSeconds(),
              swapped.newViewSeconds(),
              countByWatermark));
      return new FaultRow(
          ID,
          DESCRIPTION,
          requests.get(),
          tally.failed() + tally.mixed() + tally.exceptions(),
          tally.doubled(),
          0,
          0,
          swapped.newViewSeconds(),
          answers.size() / seconds,
          problems);
    }
  }

  /** The daily bars of the symbol from 90 days before the batch watermark to 30 days after. */
  private String barsUrl(int port, Instant watermark) {
    return "http://127.0.0.1:"
        + port
        + "/v1/symbols/"
        + symbol
        + "/bars?interval=1d&from="
        + watermark.minus(Duration.ofDays(90))
        + "&to="
        + watermark.plus(Duration.ofDays(30));
  }

  /** Readers that get {@code url} in a loop while {@code reading}, keeping every answer. */
  private ExecutorService startReaders(
      HttpClient http,
      String url,
      String key,
      AtomicBoolean reading,
      AtomicLong requests,
      List<Answer> answers,
      Map<String, AtomicLong> outcomes) {
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    for (int i = 0; i < READERS; i++) {
      readers.submit(
          () -> {
            while (reading.get()) {
              requests.incrementAndGet();
              try {
                answers.add(get(http, url, key));
              } catch (IOException | RuntimeException e) {
                outcomes.computeIfAbsent(e.toString(), k -> new AtomicLong()).incrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
              }
            }
            return null;
          });
    }
    return readers;
  }

  /** How the swap went: its time, when the new view was first served, the answer then. */
  private record Swapped(double swapSeconds, double newViewSeconds, Answer afterSwap) {}

  /**
   * Lets the readers run, swaps, waits until the new view is served (the server reads the pointer
   * again every few seconds), and lets them run on.
   */
  private Swapped swap(
      Callable<?> swap, HttpClient http, String url, String key, Answer first, AtomicLong requests)
      throws Exception {
    Thread.sleep(BEFORE.toMillis());
    out.accept("  F8: " + requests.get() + " requests so far; swapping the serving copy");
    long swapStarted = System.nanoTime();
    swap.call();
    double swapSeconds = (System.nanoTime() - swapStarted) / 1e9;
    long swapped = System.nanoTime();
    Answer afterSwap = get(http, url, key);
    while (afterSwap.watermark().equals(first.watermark())
        && System.nanoTime() - swapped < NEW_VIEW_WITHIN.toNanos()) {
      Thread.sleep(100);
      afterSwap = get(http, url, key);
    }
    double newViewSeconds = (System.nanoTime() - swapped) / 1e9;
    Thread.sleep(AFTER.toMillis());
    return new Swapped(swapSeconds, newViewSeconds, afterSwap);
  }

  /** What the answers add up to: by status, failed, mixing two views, bars doubled, exceptions. */
  private record Tally(
      Map<Integer, Long> statuses, long failed, long mixed, long doubled, long exceptions) {}

  /** Counts the answers and adds what went wrong to {@code problems}. */
  private static Tally tally(
      List<Answer> answers,
      Map<String, Integer> countByWatermark,
      Map<String, AtomicLong> outcomes,
      List<String> problems) {
    long failed = 0;
    long mixed = 0;
    long doubled = 0;
    Map<Integer, Long> statuses = new TreeMap<>();
    synchronized (answers) {
      for (Answer answer : answers) {
        statuses.merge(answer.status(), 1L, Long::sum);
        if (answer.status() != 200) {
          failed++;
        } else if (!Integer.valueOf(answer.count())
            .equals(countByWatermark.get(answer.watermark()))) {
          mixed++;
        }
        if (answer.doubled()) {
          doubled++;
        }
      }
    }
    long exceptions = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
    if (failed > 0) {
      problems.add("answers by status " + statuses);
    }
    if (exceptions > 0) {
      problems.add("requests that failed: " + outcomes);
    }
    if (mixed > 0) {
      problems.add(mixed + " answers mixing the old and the new view");
    }
    return new Tally(statuses, failed, mixed, doubled, exceptions);
  }

  /**
   * One answer: its status, and for a 200 its bar count, the batch watermark it reports and whether
   * a bar time came twice.
   */
  private record Answer(int status, int count, String watermark, boolean doubled) {}

  private Answer get(HttpClient http, String url, String key)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return new Answer(response.statusCode(), -1, "", false);
    }
    JsonNode body = json.readTree(response.body());
    Set<String> times = new HashSet<>();
    boolean doubled = false;
    for (JsonNode bar : body.path("results")) {
      doubled |= !times.add(bar.path("t").asText());
    }
    return new Answer(
        200, body.path("count").asInt(), body.path("batch_watermark").asText(), doubled);
  }
}
