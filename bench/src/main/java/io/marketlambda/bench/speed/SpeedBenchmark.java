package io.marketlambda.bench.speed;

import io.marketlambda.bench.Latencies;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.speed.hbase.RealtimeViewWriter;
import io.marketlambda.speed.stream.SpeedConfig;
import io.marketlambda.speed.stream.SpeedJob;
import io.marketlambda.speed.stream.SpeedMetrics;
import io.marketlambda.speed.stream.SpeedProgressLog;
import io.marketlambda.views.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Drives the speed layer at rising rates and measures, per rate, the quotes/s it sustains and the
 * produce → visible-in-HBase latency of the latest quote (p50, p99; {@link LatencyProbe}), next to
 * a bare baseline measured the same way in the same run: one {@link KafkaConsumer} polling the same
 * kind of topic, decoding each record and putting the newest quote per symbol through a {@code
 * BufferedMutator}, flushed after every poll. The baseline runs first, before Spark starts, so that
 * the peak RSS after it is its own.
 *
 * <p>Quotes are the recorded trades given (symbols, prices, sizes), re-stamped with the time they
 * are sent, so event time tracks wall time as in production. Each pipeline has its own topic and
 * HBase namespace ({@code bench_speed}, {@code bench_baseline}); every run uses new topics.
 */
public final class SpeedBenchmark {
  /** Markers per second, for the latency figures. */
  static final int MARKERS_PER_SECOND = 20;

  private static final Duration CATCH_UP = Duration.ofSeconds(20);

  private final Settings settings;
  private final List<Quote> template;
  private final List<Integer> rates;
  private final Duration stepLength;
  private final Duration warmUp;
  private final Path lake;
  private final boolean withBaseline;
  private final Consumer<String> out;
  private int markerSymbols;

  /**
   * @param settings the local stack's endpoints or a cluster's: Kafka and HBase client settings
   * @param template recorded trades to re-send, in order, cycling
   * @param rates offered quotes per second, one step each, in order
   * @param stepLength how long each step offers its rate
   * @param warmUp an unmeasured step at the first rate before the measured ones
   * @param lake where the speed layer's checkpoints go (fresh per run)
   * @param withBaseline whether to measure the bare loop first (off for a long soak of the speed
   *     layer alone)
   * @param out where the progress and the report go
   * @throws IllegalArgumentException when the template or rates are empty, a rate is not positive,
   *     or the step is shorter than a second
   */
  public SpeedBenchmark(
      Settings settings,
      List<Quote> template,
      List<Integer> rates,
      Duration stepLength,
      Duration warmUp,
      Path lake,
      boolean withBaseline,
      Consumer<String> out) {
    if (template.isEmpty()) {
      throw new IllegalArgumentException("Cannot bench the speed layer without recorded trades");
    }
    if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1)) {
      throw new IllegalArgumentException(
          "Cannot bench the speed layer at rates " + rates + ": give positive quotes/s");
    }
    if (stepLength.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "Cannot bench the speed layer with steps of " + stepLength + ": at least 1 s");
    }
    this.settings = settings;
    this.template = List.copyOf(template);
    this.rates = List.copyOf(rates);
    this.stepLength = stepLength;
    this.warmUp = warmUp;
    this.lake = lake;
    this.withBaseline = withBaseline;
    this.out = out;
  }

  /**
   * One step's figures. The latest-quote path: {@code processedPerSecond}, {@code p50Millis},
   * {@code p99Millis}, {@code markersSeen}. The views path (speed layer only; NaN or -1 for the
   * baseline): {@code barsPerSecond} (records through {@code speed-views}, which makes the bars,
   * indicators and alerts), {@code barP50Millis}, {@code barP99Millis} (produce to the 1-minute bar
   * holding the marker), {@code barMarkersSeen}.
   */
  public record Step(
      String pipeline,
      int offeredPerSecond,
      long produced,
      double processedPerSecond,
      double barsPerSecond,
      double p50Millis,
      double p99Millis,
      int markersSent,
      int markersSeen,
      long backlogAtEnd,
      double barP50Millis,
      double barP99Millis,
      int barMarkersSeen,
      long viewsBacklogAtEnd) {
    /**
     * Whether every path kept up: each processed at least 90 % of the offered rate, saw every
     * marker, and had no more than {@value #BACKLOG_SECONDS} seconds of input left at the end of
     * the step (a micro-batch engine always holds up to a trigger interval and a batch).
     */
    public boolean sustained() {
      boolean latest =
          processedPerSecond >= 0.9 * offeredPerSecond
              && markersSeen == markersSent
              && backlogAtEnd <= (long) BACKLOG_SECONDS * offeredPerSecond;
      boolean views =
          Double.isNaN(barsPerSecond)
              || (barsPerSecond >= 0.9 * offeredPerSecond
                  && barMarkersSeen == markersSent
                  && viewsBacklogAtEnd <= (long) BACKLOG_SECONDS * offeredPerSecond);
      return latest && views;
    }

    static final int BACKLOG_SECONDS = 3;
  }

  /** Runs both pipelines, prints the report, and returns the steps. */
  public List<Step> run() throws Exception {
    long runId = System.currentTimeMillis();
    String speedTopic = "bench.speed." + runId + ".quotes";
    String baselineTopic = "bench.baseline." + runId + ".quotes";
    SpeedConfig base = SpeedConfig.from(settings);
    Map<String, Object> kafka = new java.util.HashMap<>(base.kafka());
    try (Admin admin = Admin.create(kafka)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(speedTopic, 2, (short) 1),
                  new NewTopic(baselineTopic, 2, (short) 1),
                  new NewTopic("bench.speed." + runId + ".dlq", 1, (short) 1),
                  new NewTopic("bench.speed." + runId + ".late", 1, (short) 1),
                  new NewTopic("bench.speed." + runId + ".alerts", 1, (short) 1)))
          .all()
          .get();
    }
    HBaseViewsConfig speedViews = views("bench_speed");
    HBaseViewsConfig baselineViews = views("bench_baseline");
    List<Step> steps = new ArrayList<>();
    try (Connection hbase = connect();
        KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), speedViews);
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), baselineViews);

      if (withBaseline) {
        out.accept("baseline: KafkaConsumer -> BufferedMutator on " + baselineTopic);
        steps.addAll(runBaseline(hbase, producer, baselineTopic, kafka, baselineViews));
      }
      long baselinePeakRss = PeakMemory.peakRssBytes();

      out.accept("speed layer: Spark Structured Streaming on " + speedTopic);
      long[] heap = new long[2];
      steps.addAll(runSpeed(hbase, producer, speedTopic, runId, speedViews, heap));
      long peakRss = PeakMemory.peakRssBytes();

      new SpeedReport(out, rates, withBaseline)
          .print(steps, baselinePeakRss, peakRss, heap[0], heap[1]);
    }
    return steps;
  }

  private List<Step> runBaseline(
      Connection hbase,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      Map<String, Object> kafka,
      HBaseViewsConfig views)
      throws Exception {
    AtomicLong processed = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    Map<String, String> hbaseSettings = SpeedConfig.from(settings).hbase();
    Thread loop =
        new Thread(
            () -> {
              QuoteWireCodec codec = new QuoteWireCodec();
              Map<String, Object> consumerConfig = new java.util.HashMap<>(kafka);
              consumerConfig.put("group.id", "bench-baseline-" + topic);
              consumerConfig.put("auto.offset.reset", "earliest");
              // One flush per poll: a bare loop takes what has arrived, not Kafka's default 500.
              consumerConfig.put("max.poll.records", "10000");
              try (KafkaConsumer<byte[], byte[]> consumer =
                      new KafkaConsumer<>(
                          consumerConfig,
                          new ByteArrayDeserializer(),
                          new ByteArrayDeserializer());
                  RealtimeViewWriter writer = RealtimeViewWriter.open(hbaseSettings, views)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                  var records = consumer.poll(Duration.ofMillis(20));
                  for (ConsumerRecord<byte[], byte[]> record : records) {
                    writer.writeLatestQuote(codec.decode(record.value()));
                  }
                  writer.flush();
                  processed.addAndGet(records.count());
                }
              }
            },
            "bench-baseline-loop");
    loop.start();
    try {
      return runSteps("baseline", hbase, producer, topic, views, processed::get, null, new long[2]);
    } finally {
      running.set(false);
      loop.join(10_000);
    }
  }

  private List<Step> runSpeed(
      Connection hbase,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      long runId,
      HBaseViewsConfig views,
      long[] heap)
      throws Exception {
    Settings speedSettings =
        settings.withOverrides(
            List.of(
                "topics.quotes=" + topic,
                "topics.bars=bench.speed." + runId + ".bars",
                "topics.dead-letter=bench.speed." + runId + ".dlq",
                "topics.late=bench.speed." + runId + ".late",
                "topics.alerts=bench.speed." + runId + ".alerts",
                "realtime.hbase-namespace=" + views.namespace(),
                "lake.root=" + lake.resolve(Long.toString(runId)).toAbsolutePath(),
                "speed.trigger=processing-time"));
    SparkSession spark =
        SparkSessions.getOrCreate(
            "marketlambda-bench-speed", SpeedJob.withTaskSlots(speedSettings));
    AtomicLong barsProcessed = new AtomicLong();
    StreamingQueryListener counter =
        new StreamingQueryListener() {
          @Override
          public void onQueryStarted(QueryStartedEvent event) {}

          @Override
          public void onQueryProgress(QueryProgressEvent event) {
            if ("speed-views".equals(event.progress().name())) {
              barsProcessed.addAndGet(event.progress().numInputRows());
            }
          }

          @Override
          public void onQueryTerminated(QueryTerminatedEvent event) {}
        };
    SpeedMetrics metrics = new SpeedMetrics();
    SpeedProgressLog progressLog = new SpeedProgressLog(metrics);
    spark.streams().addListener(counter);
    spark.streams().addListener(progressLog);
    List<StreamingQuery> queries =
        new SpeedJob(spark, SpeedConfig.from(speedSettings), metrics).start();
    try {
      return runSteps(
          "speed",
          hbase,
          producer,
          topic,
          views,
          visibleSequence(hbase, views),
          barsProcessed::get,
          heap);
    } finally {
      for (StreamingQuery query : queries) {
        query.stop();
      }
      spark.streams().removeListener(counter);
      spark.streams().removeListener(progressLog);
    }
  }

  private List<Step> runSteps(
      String pipeline,
      Connection hbase,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      HBaseViewsConfig views,
      LongSupplier processed,
      LongSupplier barsProcessed,
      long[] heap)
      throws Exception {
    RealtimeViewReader reader = new RealtimeViewReader(hbase, views);
    OfferedQuotes offered = new OfferedQuotes(template);
    if (!warmUp.isZero()) {
      out.accept(
          String.format(
              Locale.ROOT, "  warm-up: %d quotes/s for %d s", rates.get(0), warmUp.toSeconds()));
      step(
          pipeline,
          rates.get(0),
          warmUp,
          producer,
          topic,
          reader,
          processed,
          barsProcessed,
          offered);
    }
    List<Step> steps = new ArrayList<>();
    heap[0] = heapAfterGc();
    for (int rate : rates) {
      Step step =
          step(
              pipeline,
              rate,
              stepLength,
              producer,
              topic,
              reader,
              processed,
              barsProcessed,
              offered);
      out.accept(
          String.format(
              Locale.ROOT,
              "  %,7d quotes/s offered: latest quote %,9.0f/s p50 %,8.1f ms p99 %,8.1f ms;"
                  + " views %s/s, 1m bar p50 %s ms p99 %s ms; markers %d/%d/%s, backlog %,d/%,d;"
                  + " RSS %,d MiB, heap %,d of %,d MiB",
              rate,
              step.processedPerSecond(),
              step.p50Millis(),
              step.p99Millis(),
              SpeedReport.perSecond(step.barsPerSecond()),
              SpeedReport.millis(step.barP50Millis()),
              SpeedReport.millis(step.barP99Millis()),
              step.markersSeen(),
              step.markersSent(),
              step.barMarkersSeen() < 0 ? "-" : Integer.toString(step.barMarkersSeen()),
              step.backlogAtEnd(),
              step.viewsBacklogAtEnd(),
              PeakMemory.rssBytes() >> 20,
              (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
              Runtime.getRuntime().totalMemory() >> 20));
      steps.add(step);
    }
    heap[1] = heapAfterGc();
    return steps;
  }

  /** Offers {@code rate} quotes/s for {@code length}, then lets the pipeline catch up. */
  private Step step(
      String pipeline,
      int rate,
      Duration length,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      RealtimeViewReader reader,
      LongSupplier processed,
      LongSupplier barsProcessed,
      OfferedQuotes offered)
      throws Exception {
    int markers = (int) (length.toSeconds() * MARKERS_PER_SECOND) + 1;
    long processedBefore = processed.getAsLong();
    long barsBefore = barsProcessed == null ? 0 : barsProcessed.getAsLong();
    long producedBefore = offered.count();
    Symbol markerSymbol = Symbol.of("ZZBENCH" + (++markerSymbols));
    try (LatencyProbe probe =
        new LatencyProbe(markerSymbol, reader, Instant.now(), markers, barsProcessed != null)) {
      offered.offer(rate, length, producer, topic, probe, producedBefore);
      long processedInStep = processed.getAsLong() - processedBefore;
      double barsPerSecond =
          barsProcessed == null
              ? Double.NaN
              : (barsProcessed.getAsLong() - barsBefore) / (length.toNanos() / 1e9);
      long produced = offered.count() - producedBefore + probe.sent();
      long backlog = Math.max(0, produced - processedInStep);
      long viewsBacklog =
          barsProcessed == null
              ? 0
              : Math.max(0, produced - (barsProcessed.getAsLong() - barsBefore));
      awaitCatchUp(probe, processed, processedBefore, produced, barsProcessed);
      Latencies latencies = probe.latencies();
      Latencies barLatencies = probe.barLatencies();
      return new Step(
          pipeline,
          rate,
          produced,
          processedInStep / (length.toNanos() / 1e9),
          barsPerSecond,
          latencies.percentileMillis(50),
          latencies.percentileMillis(99),
          probe.sent(),
          probe.seen(),
          backlog,
          barsProcessed == null ? Double.NaN : barLatencies.percentileMillis(50),
          barsProcessed == null ? Double.NaN : barLatencies.percentileMillis(99),
          barsProcessed == null ? -1 : probe.barsSeen(),
          viewsBacklog);
    }
  }

  /** Heap in use after a full GC (a request; the JVM's default collectors honour it). */
  static long heapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * How far the latest-quote view has got: the highest sequence among the latest quotes of the
   * template's symbols (the offered quotes carry a rising sequence), read from HBase. A continuous
   * query reports no input rows, and this counts what is visible, which is what matters.
   */
  private LongSupplier visibleSequence(Connection hbase, HBaseViewsConfig views) {
    RealtimeViewReader reader = new RealtimeViewReader(hbase, views);
    List<Symbol> symbols = template.stream().map(Quote::symbol).distinct().toList();
    return () -> {
      long highest = 0;
      for (Symbol symbol : symbols) {
        highest = Math.max(highest, reader.latestQuote(symbol).map(Quote::sequence).orElse(0L));
      }
      return highest;
    };
  }

  private HBaseViewsConfig views(String namespace) {
    HBaseViewsConfig configured = HBaseViewsConfig.from(settings);
    return new HBaseViewsConfig(namespace, configured.saltBuckets(), configured.timeToLive());
  }

  private Connection connect() throws java.io.IOException {
    var conf = HBaseConfiguration.create();
    SpeedConfig.from(settings).hbase().forEach(conf::set);
    return ConnectionFactory.createConnection(conf);
  }

  private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> kafka) {
    Map<String, Object> config = new java.util.HashMap<>(kafka);
    config.put("linger.ms", "5");
    config.put("enable.idempotence", "true");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Waits (at most {@link #CATCH_UP}) until every marker and offered quote has been seen. */
  private static void awaitCatchUp(
      LatencyProbe probe,
      LongSupplier processed,
      long processedBefore,
      long produced,
      LongSupplier barsProcessed)
      throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    while ((probe.seen() < probe.sent()
            || processed.getAsLong() - processedBefore < produced
            || (barsProcessed != null && probe.barsSeen() < probe.sent()))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
