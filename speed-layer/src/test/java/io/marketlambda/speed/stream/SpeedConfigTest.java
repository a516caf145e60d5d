package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.views.AlertRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    SpeedConfig config = SpeedConfig.from(Settings.empty());

    assertThat(SpeedConfig.keys())
        .extracting(key -> key.name())
        .containsExactly(
            "kafka.bootstrap.servers",
            "speed.trigger",
            "speed.trigger-interval",
            "speed.watermark",
            "speed.on-invalid-record",
            "speed.max-offsets-per-trigger",
            "speed.alerts.price-move",
            "speed.alerts.volume-zscore",
            "speed.alerts.opening-gap",
            "speed.metrics-port",
            "speed.latest-quote-trigger",
            "speed.restart.max-attempts",
            "speed.restart.initial-backoff",
            "speed.restart.max-backoff",
            "quotes.max-event-time-ahead",
            "speed.fail-on-data-loss",
            "bars.price-excluded-conditions");
    assertThat(config.kafka())
        .containsExactlyEntriesOf(java.util.Map.of("bootstrap.servers", "localhost:9092"));
    assertThat(config.hbase()).isEmpty();
    assertThat(config.trigger()).isEqualTo(SpeedConfig.Trigger.PROCESSING_TIME);
    assertThat(config.triggerInterval()).isEqualTo(Duration.ZERO);
    assertThat(config.watermark()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.onInvalidRecord()).isEqualTo(SpeedConfig.OnInvalidRecord.QUARANTINE);
    assertThat(config.maxOffsetsPerTrigger()).isEqualTo(200_000);
    assertThat(config.failOnDataLoss()).isFalse();
    assertThat(config.saleConditions()).isEqualTo(SaleConditionRules.TAPE);
    assertThat(config.alertRules()).isEqualTo(new AlertRules(0.02, 4.0, 0.02));
    assertThat(config.metricsPort()).isEqualTo(9464);
    assertThat(config.latestQuoteTrigger()).isEqualTo(SpeedConfig.LatestQuoteTrigger.CONTINUOUS);
    assertThat(config.restarts())
        .isEqualTo(new SpeedConfig.Restarts(20, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    assertThat(config.maxEventTimeAhead()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.topics().late()).isEqualTo("marketlambda.quotes.late.v1");
    assertThat(config.topics().alerts()).isEqualTo("marketlambda.alerts.v1");
    assertThat(config.topics().quotes()).isEqualTo("marketlambda.quotes.v1");
    assertThat(config.topics().deadLetter()).isEqualTo("marketlambda.quotes.dlq.v1");
    assertThat(config.views().namespace()).isEqualTo("marketlambda");
  }

  @Test
  void readsTheLocalStackEndpointsAndOverrides() {
    Settings settings =
        Settings.empty()
            .withOverrides(
                List.of(
                    "kafka.bootstrap.servers=localhost:40123",
                    "hbase.zookeeper.quorum=localhost",
                    "hbase.zookeeper.property.clientPort=2181",
                    "speed.trigger=available-now",
                    "speed.on-invalid-record=fail",
                    "speed.watermark=30s",
                    "speed.alerts.price-move=0.005",
                    "speed.metrics-port=0",
                    "bars.price-excluded-conditions=intermarket-sweep"));

    SpeedConfig config = SpeedConfig.from(settings);

    assertThat(config.kafka()).containsEntry("bootstrap.servers", "localhost:40123");
    assertThat(config.hbase())
        .containsEntry("hbase.zookeeper.quorum", "localhost")
        .containsEntry("hbase.zookeeper.property.clientPort", "2181");
    assertThat(config.trigger()).isEqualTo(SpeedConfig.Trigger.AVAILABLE_NOW);
    assertThat(config.saleConditions().priceExcluded())
        .isEqualTo(SaleCondition.INTERMARKET_SWEEP.mask());
    assertThat(config.onInvalidRecord()).isEqualTo(SpeedConfig.OnInvalidRecord.FAIL);
    assertThat(config.watermark()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.alertRules().priceMove()).isEqualTo(0.005);
    assertThat(config.metricsPort()).isZero();
  }

  @Test
  void aBadPolicyNamesKeyAndValue() {
    Settings settings = Settings.empty().withOverrides(List.of("speed.on-invalid-record=ignore"));

    assertThatThrownBy(() -> SpeedConfig.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("speed.on-invalid-record")
        .hasMessageContaining("'ignore'");
  }

  @Test
  void anUnknownSaleConditionNamesKeyAndValue() {
    Settings settings =
        Settings.empty().withOverrides(List.of("bars.price-excluded-conditions=iso"));

    assertThatThrownBy(() -> SpeedConfig.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bars.price-excluded-conditions")
        .hasMessageContaining("'iso'")
        .hasMessageContaining("intermarket-sweep");
  }
}
