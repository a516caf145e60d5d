package io.marketlambda.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.ingest.kafka.KafkaEventSink;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.ingest.kafka.TopicCreator;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.LeanTradeTickReader;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays the real Lean trade ticks of IBM and SPY for 2013-10-07 into the local stack's Kafka
 * broker and checks that every trade in the files lands in the quotes topic exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class LeanTickReplayIT {
  private static final List<String> FILES =
      List.of("lean/tick/20131007_ibm_Trade_Tick.csv", "lean/tick/20131007_spy_Trade_Tick.csv");

  @Test
  void everyTradeLandsInTheQuotesTopicExactlyOnce(LocalStackEndpoints endpoints) throws Exception {
    String topic = "replay-it.quotes.v1";
    KafkaPublishConfig config =
        KafkaPublishConfig.from(
            Settings.of(endpoints.asProperties())
                .withOverrides(List.of("topics.quotes=" + topic, "topics.partitions=3")));
    new TopicCreator(config).createMissing(List.of(topic));

    ReplaySummary summary;
    Path quarantineFile = Path.of("target", "replay-it", "quarantine.jsonl");
    Files.deleteIfExists(quarantineFile);
    try (QuarantineFile quarantine = new QuarantineFile(quarantineFile);
        RecordedReader<Quote> ibm =
            LeanTradeTickReader.open(SharedData.resolve(FILES.get(0)), quarantine);
        RecordedReader<Quote> spy =
            LeanTradeTickReader.open(SharedData.resolve(FILES.get(1)), quarantine);
        KafkaEventSink<Quote> sink = KafkaEventSink.forQuotes(config, topic)) {
      summary =
          new Replay(
                  ReplaySpeed.MAX,
                  Clock.systemUTC(),
                  Replay.Sleeper.threadSleep(),
                  Duration.ofSeconds(5),
                  line -> {})
              .run(
                  List.of(ibm.stream().iterator(), spy.stream().iterator()),
                  Quote::eventTime,
                  sink,
                  OptionalLong.empty());
    }

    Map<String, Long> expected = tradesPerSymbolInTheFiles();
    long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
    assertThat(summary.events()).isEqualTo(expectedTotal);
    assertThat(summary.publish().acked()).isEqualTo(expectedTotal);
    assertThat(summary.publish().failed()).isZero();

    Map<String, Long> landed = new HashMap<>();
    Set<String> distinct = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(endpoints, topic, expectedTotal)) {
      Quote quote = new QuoteWireCodec().decode(record.value());
      assertThat(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(quote.symbol().value());
      landed.merge(quote.symbol().value(), 1L, Long::sum);
      distinct.add(quote.symbol() + "|" + quote.eventTime() + "|" + quote.sequence());
    }
    assertThat(landed).isEqualTo(expected);
    assertThat(distinct).hasSize((int) expectedTotal);
  }

  /**
   * Counts the trades of each file straight from its text: one per row, except the rows the vendor
   * flagged suspicious (last column 1), which the reader quarantines.
   */
  private static Map<String, Long> tradesPerSymbolInTheFiles() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    for (String file : FILES) {
      String symbol = file.split("_")[1].toUpperCase(java.util.Locale.ROOT);
      try (Stream<String> lines = Files.lines(SharedData.resolve(file))) {
        long trades =
            lines.filter(line -> !line.isBlank()).filter(line -> !line.endsWith(",1")).count();
        counts.put(symbol, trades);
      }
    }
    return counts;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      LocalStackEndpoints endpoints, String topic, long expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "replay-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      int idlePolls = 0;
      while (System.nanoTime() < deadline && (records.size() < expected || idlePolls < 4)) {
        var batch = consumer.poll(Duration.ofMillis(500));
        batch.forEach(records::add);
        idlePolls = batch.isEmpty() ? idlePolls + 1 : 0;
      }
    }
    return records;
  }
}
