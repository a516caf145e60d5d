package io.marketlambda.bench.serving;

import io.marketlambda.bench.Latencies;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import io.marketlambda.hbaseviews.realtime.RealtimeTable;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.hbaseviews.rowkey.RowScans;
import io.marketlambda.hbaseviews.rowkey.ScanRange;
import io.marketlambda.serving.ServingApplication;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.client.ServingClient;
import io.marketlambda.serving.view.ServingViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * {@code marketlambda bench serving}: latency of two requests, the latest quote of a symbol and its
 * one-year daily bars across the batch watermark, at fixed offered rates, over three paths in one
 * run: a bare HBase {@code Get}/{@code Scan} of the same rows (the baseline), the Java client
 * ({@link ServingViews}), and the HTTP API (an in-process server on a free port, through the JDK
 * HTTP client).
 *
 * <p>Open loop: requests are started on a fixed schedule whatever the answers do, and a latency is
 * measured from a request's scheduled start to its answer, so a stall counts against every request
 * it delays (no coordinated omission; Tene, "How NOT to measure latency", 2015).
 */
public final class ServingBenchmark {
  private static final int CLIENT_THREADS = 32;

  private final Settings settings;
  private final Symbol symbol;
  private final List<Integer> rates;
  private final Duration step;
  private final Path work;
  private final Consumer<String> out;

  /**
   * @param settings HBase settings ({@code hbase.*}) of views filled by a batch run with the
   *     serving copy and by the speed layer (e.g. a running demo's {@code
   *     work/demo/settings.properties})
   * @param symbol a symbol with batch views and a realtime latest quote
   * @param rates offered requests per second, one step each
   * @param step how long each rate is offered
   * @param work where the benchmark's API key file goes
   */
  public ServingBenchmark(
      Settings settings,
      Symbol symbol,
      List<Integer> rates,
      Duration step,
      Path work,
      Consumer<String> out) {
    this.settings = settings;
    this.symbol = symbol;
    this.rates = List.copyOf(rates);
    this.step = step;
    this.work = work;
    this.out = out;
  }

  /** A request over one path. */
  @FunctionalInterface
  interface Request {
    void send() throws Exception;
  }

  /**
   * Runs every step and prints one line per (request, path, rate).
   *
   * @throws IllegalStateException when the views hold no batch views or no quote of the symbol
   */
  public void run() throws IOException, InterruptedException {
    BenchApiKey api = BenchApiKey.create(settings, work, "api-keys");
    String key = api.key();
    Settings benchSettings = api.settings();
    ServingConfig config = ServingConfig.from(benchSettings);
    HBaseViewsConfig views = config.views();
    try (Connection connection = HBaseConnector.connect(config.hbase());
        ServingClient client = ServingClient.connect(config);
        ServingApplication server = ServingApplication.start(benchSettings)) {
      ServingViews merged = client.views();
      BatchViewPointer pointer = requireViews(merged);
      Instant watermark = pointer.watermarkOf(symbol).orElseThrow();
      Instant from = watermark.minus(Duration.ofDays(365));
      Instant to = watermark.plus(Duration.ofDays(7));
      int bars = merged.bars(symbol, BarInterval.ONE_DAY, from, to).size();
      out.accept(
          String.format(
              Locale.ROOT,
              "%s: latest quote, and %d daily bars from %s to %s (batch watermark %s); %d s per rate, open loop",
              symbol,
              bars,
              from,
              to,
              watermark,
              step.toSeconds()));
      RowKeyCodec rowKeys = views.rowKeyCodec();
      TableName latestTable =
          TableName.valueOf(RealtimeTable.LATEST_QUOTE.qualifiedName(views.namespace()));
      TableName batchTable = TableName.valueOf(views.namespace(), pointer.table());
      TableName fifteen =
          TableName.valueOf(RealtimeTable.BARS_15M.qualifiedName(views.namespace()));
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
      String base = "http://127.0.0.1:" + server.port();
      String barsPath = "/v1/symbols/" + symbol + "/bars?interval=1d&from=" + from + "&to=" + to;

      Request bareLatest =
          () -> {
            try (Table table = connection.getTable(latestTable)) {
              table.get(new Get(rowKeys.latestRowKey(symbol)));
            }
          };
      Request bareBars =
          () -> {
            scan(
                connection,
                batchTable,
                rowKeys.rangeNewestFirst(symbol, from, watermark),
                BatchViewTables.DAILY);
            scan(
                connection,
                fifteen,
                rowKeys.rangeNewestFirst(symbol, watermark, to),
                RealtimeTable.BARS_15M.family());
          };
      printHeader();
      for (int rate : rates) {
        double bareLatestP50 = report("latest", "hbase-get", rate, bareLatest, Double.NaN);
        report("latest", "java-client", rate, () -> merged.latestQuote(symbol), bareLatestP50);
        report(
            "latest",
            "http",
            rate,
            () -> httpGet(http, base + "/v1/symbols/" + symbol + "/quote", key),
            bareLatestP50);
        double bareBarsP50 = report("bars-1y", "hbase-scan", rate, bareBars, Double.NaN);
        report(
            "bars-1y",
            "java-client",
            rate,
            () -> merged.bars(symbol, BarInterval.ONE_DAY, from, to),
            bareBarsP50);
        report("bars-1y", "http", rate, () -> httpGet(http, base + barsPath, key), bareBarsP50);
      }
    }
  }

  /**
   * Returns the live serving copy's pointer.
   *
   * @throws IllegalStateException when there are no batch views, they do not hold the symbol, or
   *     the symbol has no realtime quote: the benchmark needs both views to read
   */
  private BatchViewPointer requireViews(ServingViews merged) {
    BatchViewPointer pointer =
        merged
            .batchViews()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Cannot bench serving: no batch views; run marketlambda batch with batch.serving-copy=true (or the demo) first"));
    pointer
        .watermarkOf(symbol)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Cannot bench serving: the batch views do not hold " + symbol));
    if (merged.latestQuote(symbol).isEmpty()) {
      throw new IllegalStateException(
          "Cannot bench serving: no realtime quote of "
              + symbol
              + "; run the speed layer (or the demo) first");
    }
    return pointer;
  }

  private void printHeader() {
    out.accept(
        String.format(
            Locale.ROOT,
            "%-12s %-11s %8s %9s %9s %9s %9s %7s",
            "request",
            "path",
            "offered",
            "achieved",
            "p50 ms",
            "p99 ms",
            "p999 ms",
            "p50 x"));
  }

  private double report(String request, String path, int rate, Request send, double baselineP50)
      throws InterruptedException {
    // A short unmeasured warm-up at the same rate (JIT, connection pools, block cache).
    measure(rate, Duration.ofSeconds(Math.min(3, step.toSeconds())), send);
    Measured measured = measure(rate, step, send);
    double p50 = measured.latencies().percentileMillis(50);
    out.accept(
        String.format(
            Locale.ROOT,
            "%-12s %-11s %8d %9.0f %9.2f %9.2f %9.2f %7s%s",
            request,
            path,
            rate,
            measured.achievedPerSecond(),
            p50,
            measured.latencies().percentileMillis(99),
            measured.latencies().percentileMillis(99.9),
            Double.isNaN(baselineP50)
                ? "1.0"
                : String.format(Locale.ROOT, "%.1f", p50 / baselineP50),
            measured.failed() > 0
                ? "  (" + measured.failed() + " failed: " + measured.firstFailure() + ")"
                : ""));
    return p50;
  }

  private record Measured(Latencies latencies, Duration elapsed, long failed, String firstFailure) {
    double achievedPerSecond() {
      return latencies.count() / (elapsed.toNanos() / 1e9);
    }
  }

  private static Measured measure(int rate, Duration duration, Request send)
      throws InterruptedException {
    int count = (int) Math.max(1, rate * duration.toSeconds());
    long intervalNanos = 1_000_000_000L / rate;
    long[] latencies = new long[count];
    AtomicLong failed = new AtomicLong();
    String[] firstFailure = {""};
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long scheduled = start + i * intervalNanos;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = i;
      pool.execute(
          () -> {
            try {
              send.send();
            } catch (Exception e) {
              if (failed.getAndIncrement() == 0) {
                firstFailure[0] = e.getMessage();
              }
            }
            latencies[index] = System.nanoTime() - scheduled;
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Measured(
        Latencies.ofNanos(latencies, count), elapsed, failed.get(), firstFailure[0]);
  }

  private static void httpGet(HttpClient http, String url, String key)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + url);
    }
  }

  private static void scan(Connection connection, TableName name, ScanRange range, String family)
      throws IOException {
    if (range.isEmpty()) {
      return;
    }
    Scan scan = RowScans.of(range, family);
    try (Table table = connection.getTable(name);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        if (row.isEmpty()) {
          throw new UncheckedIOException(new IOException("empty row"));
        }
      }
    }
  }
}
