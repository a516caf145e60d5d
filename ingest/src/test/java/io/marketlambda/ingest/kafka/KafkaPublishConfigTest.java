package io.marketlambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.Settings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaPublishConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    KafkaPublishConfig config = KafkaPublishConfig.from(Settings.empty());

    assertThat(KafkaPublishConfig.keys())
        .extracting(key -> key.name())
        .containsExactly(
            "kafka.bootstrap.servers",
            "topics.partitions",
            "topics.replication-factor",
            "topics.retention");
    assertThat(config.kafka()).containsEntry("bootstrap.servers", "localhost:9092").hasSize(1);
    assertThat(config.partitions()).isEqualTo(6);
    assertThat(config.replicationFactor()).isEqualTo((short) 1);
    assertThat(config.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.topics().quotes()).isEqualTo("marketlambda.quotes.v1");
    assertThat(config.topics().bars()).isEqualTo("marketlambda.bars.v1");
  }

  @Test
  void passesKafkaSettingsThroughButKeepsTheProducerIdempotent() {
    Settings settings =
        Settings.empty()
            .withOverrides(
                List.of(
                    "kafka.bootstrap.servers=broker-1:9092,broker-2:9092",
                    "kafka.acks=1",
                    "kafka.enable.idempotence=false",
                    "kafka.linger.ms=50"));

    KafkaPublishConfig config = KafkaPublishConfig.from(settings);

    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("linger.ms", "50")
        .containsEntry("compression.type", "lz4");
  }

  @Test
  void aBadPartitionCountNamesKeyAndValue() {
    Settings settings = Settings.empty().withOverrides(List.of("topics.partitions=0"));

    assertThatThrownBy(() -> KafkaPublishConfig.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.partitions")
        .hasMessageContaining("'0'");
  }
}
