package io.marketlambda.hbaseviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.Settings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HBaseViewsConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    assertThat(HBaseViewsConfig.NAMESPACE.name()).isEqualTo("realtime.hbase-namespace");
    assertThat(HBaseViewsConfig.NAMESPACE.defaultValue()).contains("marketlambda");
    assertThat(HBaseViewsConfig.SALT_BUCKETS.name()).isEqualTo("realtime.salt-buckets");
    assertThat(HBaseViewsConfig.SALT_BUCKETS.defaultValue()).contains(16);
    assertThat(HBaseViewsConfig.TIME_TO_LIVE.name()).isEqualTo("realtime.ttl");
    assertThat(HBaseViewsConfig.TIME_TO_LIVE.defaultValue()).contains(Duration.ofDays(7));
    assertThat(HBaseViewsConfig.keys())
        .containsExactly(
            HBaseViewsConfig.NAMESPACE,
            HBaseViewsConfig.SALT_BUCKETS,
            HBaseViewsConfig.TIME_TO_LIVE);
  }

  @Test
  void aReplayOfHistoryCanKeepItsCellsLonger() {
    Settings settings = Settings.empty().withOverrides(List.of("realtime.ttl=5000d"));

    assertThat(HBaseViewsConfig.from(settings).timeToLive()).isEqualTo(Duration.ofDays(5000));
    assertThatThrownBy(() -> new HBaseViewsConfig("marketlambda", 16, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeToLive PT0.5S");
  }

  @Test
  void defaultsGiveSixteenBucketsInTheMarketlambdaNamespace() {
    HBaseViewsConfig config = HBaseViewsConfig.from(Settings.empty());

    assertThat(config).isEqualTo(new HBaseViewsConfig("marketlambda", 16));
    assertThat(config.rowKeyCodec().saltBuckets()).isEqualTo(16);
    assertThat(config.rowKeyCodec().splitKeys().length).isEqualTo(15);
  }

  @Test
  void overridesAreRead() {
    Settings settings =
        Settings.empty()
            .withOverrides(List.of("realtime.salt-buckets=256", "realtime.hbase-namespace=test_1"));

    assertThat(HBaseViewsConfig.from(settings)).isEqualTo(new HBaseViewsConfig("test_1", 256));
  }

  @Test
  void badValuesNameKeyAndValue() {
    Settings tooMany = Settings.empty().withOverrides(List.of("realtime.salt-buckets=257"));
    Settings badNamespace =
        Settings.empty().withOverrides(List.of("realtime.hbase-namespace=market-lambda"));

    assertThatThrownBy(() -> HBaseViewsConfig.from(tooMany))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Cannot read config key 'realtime.salt-buckets': value '257' is not an integer in [1, 256]");
    assertThatThrownBy(() -> HBaseViewsConfig.from(badNamespace))
        .hasMessage(
            "Cannot read config key 'realtime.hbase-namespace': value 'market-lambda' is not an HBase"
                + " namespace (letters, digits and _)");
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new HBaseViewsConfig("marketlambda", 0))
        .hasMessage("Cannot use saltBuckets 0: it is not in [1, 256]");
    assertThatThrownBy(() -> new HBaseViewsConfig("", 16))
        .hasMessage(
            "Cannot use namespace '': it is not an HBase namespace (letters, digits and _)");
  }
}
