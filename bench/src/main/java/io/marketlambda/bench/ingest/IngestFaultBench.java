package io.marketlambda.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.bench.FaultReport;
import io.marketlambda.bench.FaultRow;
import io.marketlambda.bench.StackControl;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.poll.AlphaVantageIngest;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.IntradayInterval;
import io.marketlambda.sources.alphavantage.MaskedApiKey;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.testing.LocalAlphaVantage;
import io.marketlambda.testing.LocalAlphaVantage.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * F7 of the fault suite: the Alpha Vantage ingest ({@link AlphaVantageIngest}, publishing to the
 * stack's Kafka) against a {@link LocalAlphaVantage} serving the API's real recorded responses with
 * faults, every bar accounted for in the bars topic at the end.
 *
 * <p>Two requests: MSFT's 1-minute bars as JSON (the recorded response of 2017-12-18) and its
 * 1-minute bars of December 2020 as CSV (the recorded month). Cycle 1: the JSON answers 500, then a
 * rate-limit body, then stalls mid-body (its three attempts spent, it waits for the next cycle);
 * the CSV's connection is cut at a line boundary, then it comes whole. Cycle 2: the Kafka broker is
 * stopped for 15 s while the JSON's bars are published. Cycle 3: both come whole (nothing new but
 * what a failed publish left). Cycle 4: the daily quota body. Expected: every bar of both responses
 * in the topic once, counted from the recorded bodies themselves, not from the parser.
 */
public final class IngestFaultBench {
  /** The fault's id in the suite. */
  public static final String ID = "F7";

  /** What it injects. */
  public static final String DESCRIPTION =
      "Alpha Vantage 500, rate-limit and quota bodies, a stalled body, a CSV cut at a line"
          + " boundary, Kafka down while ingesting";

  private static final Symbol MSFT = Symbol.of("MSFT");
  private static final String JSON_FILE =
      "alphavantage/romeltorres-alpha_vantage/time_series_intraday_1min_MSFT.json";
  private static final String CSV_FILE =
      "alphavantage/romeltorres-alpha_vantage/time_series_intraday_extended_1min_MSFT.csv";
  private static final String QUOTA_BODY_ID = "daily_limit_25_per_day_2024";
  private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(15);

  private final Path data;
  private final Map<String, String> endpoints;
  private final StackControl stack;
  private final Path work;
  private final Consumer<String> out;

  /**
   * @param data the shared market data directory (its {@code alphavantage/} responses)
   * @param endpoints the stack's client settings ({@code kafka.bootstrap.servers})
   * @param stack stops and starts the stack's Kafka broker
   * @param work where the quota state, high-water marks and quarantine go
   */
  public IngestFaultBench(
      Path data,
      Map<String, String> endpoints,
      StackControl stack,
      Path work,
      Consumer<String> out) {
    this.data = data;
    this.endpoints = Map.copyOf(endpoints);
    this.stack = stack;
    this.work = work;
    this.out = out;
  }

  /** Runs the four cycles and accounts for the bars. */
  public FaultRow run() throws Exception {
    out.accept(ID + ": " + DESCRIPTION + " ...");
    String json = Files.readString(data.resolve(JSON_FILE), StandardCharsets.UTF_8);
    String csv = Files.readString(data.resolve(CSV_FILE), StandardCharsets.UTF_8);
    String quota = quotaBody();
    int lineBoundary = csv.indexOf('\n', csv.length() / 2) + 1;
    long expected = jsonBars(json) + csvBars(csv);
    Files.createDirectories(work);
    for (String file : List.of("F7-quota.properties", "F7-marks.properties", "F7-quarantine")) {
      Files.deleteIfExists(work.resolve(file));
    }
    String topic = "faults-f7-" + System.currentTimeMillis() + ".bars.v1";
    try (Admin admin = Admin.create(new HashMap<>(kafka()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<Answer>> plan = answers(json, csv, quota, lineBoundary);
    long deadLettered;
    double recovery;
    try (LocalAlphaVantage server = new LocalAlphaVantage(plan);
        QuarantineFile quarantine = new QuarantineFile(work.resolve("F7-quarantine"));
        KafkaEventSink<Bar> bars = KafkaEventSink.forBars(publishConfig(topic), topic);
        KafkaEventSink<Quote> quotes = KafkaEventSink.forQuotes(publishConfig(topic), topic)) {
      AlphaVantageIngest ingest = ingest(server, quarantine, bars, quotes);
      List<AlphaVantageRequest> requests =
          List.of(
              AlphaVantageRequest.intraday(MSFT, IntradayInterval.ONE_MINUTE),
              AlphaVantageRequest.intraday(MSFT, IntradayInterval.ONE_MINUTE)
                  .forMonth(YearMonth.of(2020, 12))
                  .asCsv());
      out.accept(
          "  F7 cycle 1 (500, rate limit, stalled body; CSV cut): " + ingest.pollOnce(requests));
      out.accept("  F7 cycle 2: stopping the Kafka broker for " + KAFKA_OUTAGE.toSeconds() + " s");
      stack.control("stop kafka");
      CompletableFuture<AlphaVantageIngest.CycleSummary> during =
          CompletableFuture.supplyAsync(() -> ingest.pollOnce(requests));
      Thread.sleep(KAFKA_OUTAGE.toMillis());
      stack.control("start kafka");
      long back = System.nanoTime();
      out.accept("  F7 cycle 2 (Kafka down): " + during.get());
      out.accept("  F7 cycle 3: " + ingest.pollOnce(requests));
      recovery = (System.nanoTime() - back) / 1e9;
      out.accept("  F7 cycle 4 (daily quota spent): " + ingest.pollOnce(requests));
      deadLettered = quarantine.count();
    }
    Map<String, Integer> seen = consume(topic);
    long distinct = seen.size();
    long duplicated = seen.values().stream().mapToLong(count -> count - 1).sum();
    long lost = Math.max(0, expected - distinct - deadLettered);
    if (distinct + deadLettered != expected) {
      problems.add(
          String.format(
              "%,d bars in the topic and %,d quarantined of the responses' %,d",
              distinct, deadLettered, expected));
    }
    if (duplicated > 0) {
      problems.add(duplicated + " bars published more than once");
    }
    FaultRow row =
        new FaultRow(
            ID,
            DESCRIPTION,
            expected,
            lost,
            duplicated,
            deadLettered,
            0,
            recovery,
            Double.NaN,
            problems);
    out.accept(FaultReport.summary(row));
    return row;
  }

  /**
   * What the stand-in answers, in order: cycle 1, the JSON request's three attempts (500, rate
   * limit, a body stalled 30 s) and the CSV request's two (cut at a line boundary, whole); cycles 2
   * (Kafka down) and 3 whole; cycle 4 the daily-quota body. MARKET_STATUS fails with 503.
   */
  private Map<String, List<Answer>> answers(String json, String csv, String quota, int lineBoundary)
      throws IOException {
    return Map.of(
        "TIME_SERIES_INTRADAY",
        List.of(
            // cycle 1: the JSON request's three attempts, then the CSV request's two
            Answer.status(500),
            Answer.ok(rateLimitBody()),
            Answer.stalledMidBody(Duration.ofSeconds(30), json),
            Answer.cutAfter(csv, lineBoundary),
            Answer.ok(csv),
            // cycle 2 (Kafka down) and cycle 3
            Answer.ok(json),
            Answer.ok(csv),
            Answer.ok(json),
            Answer.ok(csv),
            // cycle 4
            Answer.ok(quota)),
        "MARKET_STATUS",
        List.of(Answer.status(503)));
  }

  /** The ingest job against the stand-in, at 15:00 New York on a Tuesday (every bar has ended). */
  private AlphaVantageIngest ingest(
      LocalAlphaVantage server,
      QuarantineFile quarantine,
      KafkaEventSink<Bar> bars,
      KafkaEventSink<Quote> quotes) {
    return AlphaVantageIngest.create(
        AlphaVantageConfig.from(
            Settings.empty()
                .withOverrides(
                    List.of(
                        "alphavantage.base-url=" + server.baseUrl(),
                        "alphavantage.intraday-label=start",
                        "alphavantage.request-timeout=2s",
                        "alphavantage.max-attempts=3",
                        "alphavantage.plan=premium",
                        "alphavantage.calls-per-minute=10000",
                        "alphavantage.state-file=" + work.resolve("F7-quota.properties")))),
        new MaskedApiKey("F7FAULTSUITE"),
        work.resolve("F7-marks.properties"),
        quarantine,
        bars,
        quotes,
        // 15:00 New York on a Tuesday: every recorded bar has ended.
        Clock.fixed(Instant.parse("2021-01-05T20:00:00Z"), ZoneOffset.UTC));
  }

  private Map<String, String> kafka() {
    return Settings.of(endpoints).withPrefixStripped("kafka.");
  }

  private KafkaPublishConfig publishConfig(String topic) {
    List<String> settings = new ArrayList<>();
    kafka().forEach((key, value) -> settings.add("kafka." + key + "=" + value));
    settings.add("topics.bars=" + topic);
    return KafkaPublishConfig.from(Settings.empty().withOverrides(settings));
  }

  /** Every record of the topic, counted by bar (symbol, interval, start). */
  private Map<String, Integer> consume(String topic) {
    Map<String, Object> settings = new HashMap<>(kafka());
    settings.put("auto.offset.reset", "earliest");
    settings.put("enable.auto.commit", "false");
    settings.put("isolation.level", "read_committed");
    BarWireCodec codec = new BarWireCodec();
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      consumer.seekToBeginning(List.of(partition));
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Bar bar = codec.decode(record.value());
          seen.merge(bar.symbol() + " " + bar.interval() + " " + bar.start(), 1, Integer::sum);
        }
      }
    }
    return seen;
  }

  /** The bars of the JSON response: the entries of its time series object. */
  private static long jsonBars(String body) throws IOException {
    JsonNode root = new ObjectMapper().readTree(body);
    long count = 0;
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
      if (field.getKey().startsWith("Time Series")) {
        count += field.getValue().size();
      }
    }
    return count;
  }

  /** The bars of the CSV response: its lines after the header, blank ones left out. */
  private static long csvBars(String body) {
    return body.lines().skip(1).filter(line -> !line.isBlank()).count();
  }

  private String rateLimitBody() throws IOException {
    return errorBody("rate_limit_note_5_per_min_500_per_day");
  }

  private String quotaBody() throws IOException {
    return errorBody(QUOTA_BODY_ID);
  }

  /** A verbatim non-data body of {@code alphavantage/error-bodies/av_error_bodies.json}. */
  private String errorBody(String id) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode root =
        json.readTree(data.resolve("alphavantage/error-bodies/av_error_bodies.json").toFile());
    for (JsonNode entry : root.get("entries")) {
      if (entry.get("id").asText().equals(id)) {
        return entry.has("body")
            ? json.writeValueAsString(entry.get("body"))
            : Files.readString(
                data.resolve("alphavantage/error-bodies/" + entry.get("body_file").asText()));
      }
    }
    throw new IOException("Cannot find the body " + id + " in the recorded error bodies");
  }
}
