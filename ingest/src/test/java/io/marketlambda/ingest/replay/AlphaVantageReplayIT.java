package io.marketlambda.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.BarLabel;
import io.marketlambda.sources.alphavantage.IntradayInterval;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.testing.SharedData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replays a recorded Alpha Vantage response (MSFT 1-minute bars of 2017-12-18) into Kafka. */
@ExtendWith(LocalStackExtension.class)
class AlphaVantageReplayIT {
  private static final String FILE =
      "alphavantage/romeltorres-alpha_vantage/time_series_intraday_1min_MSFT.json";

  @Test
  void everyBarOfTheFileLandsInTheBarsTopicInTimeOrder(LocalStackEndpoints endpoints)
      throws Exception {
    String topic = "replay-it.alphavantage.bars.v1";
    KafkaPublishConfig kafka =
        KafkaPublishConfig.from(
            Settings.of(endpoints.asProperties()).withOverrides(List.of("topics.bars=" + topic)));
    Replay pacing =
        new Replay(
            ReplaySpeed.MAX,
            Clock.systemUTC(),
            Replay.Sleeper.threadSleep(),
            Duration.ofSeconds(5),
            line -> {});

    RecordedReplay.Result result =
        new RecordedReplay(kafka, pacing, Path.of("target", "replay-it", "alphavantage.jsonl"))
            .runAlphaVantage(
                SharedData.resolve(FILE),
                AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE),
                BarLabel.START);

    List<Instant> starts = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(endpoints, topic, 100)) {
      Bar bar = new BarWireCodec().decode(record.value());
      assertThat(bar.symbol()).isEqualTo(Symbol.of("MSFT"));
      starts.add(bar.start());
    }
    int barsInFile =
        new ObjectMapper()
            .readTree(SharedData.resolve(FILE).toFile())
            .get("Time Series (1min)")
            .size();
    assertThat(result.replay().publish().acked()).isEqualTo(barsInFile);
    assertThat(starts).hasSize(barsInFile).isSorted();
    // 13:17 New York (EST) on 2017-12-18, the file's first timestamp, read as a bar start.
    assertThat(starts.get(0)).isEqualTo(Instant.parse("2017-12-18T18:17:00Z"));
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      LocalStackEndpoints endpoints, String topic, int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alphavantage-replay-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int idle = 0;
      while (System.nanoTime() < deadline && (records.size() < expected || idle < 4)) {
        var batch = consumer.poll(Duration.ofMillis(500));
        batch.forEach(records::add);
        idle = batch.isEmpty() ? idle + 1 : 0;
      }
    }
    return records;
  }
}
