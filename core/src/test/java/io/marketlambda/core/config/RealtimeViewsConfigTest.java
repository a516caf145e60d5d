package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeViewsConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    assertThat(RealtimeViewsConfig.NAMESPACE.name()).isEqualTo("realtime.hbase-namespace");
    assertThat(RealtimeViewsConfig.NAMESPACE.defaultValue()).contains("marketlambda");
    assertThat(RealtimeViewsConfig.SALT_BUCKETS.name()).isEqualTo("realtime.salt-buckets");
    assertThat(RealtimeViewsConfig.SALT_BUCKETS.defaultValue()).contains(16);
    assertThat(RealtimeViewsConfig.TIME_TO_LIVE.name()).isEqualTo("realtime.ttl");
    assertThat(RealtimeViewsConfig.TIME_TO_LIVE.defaultValue()).contains(Duration.ofDays(7));
    assertThat(RealtimeViewsConfig.keys())
        .containsExactly(
            RealtimeViewsConfig.NAMESPACE,
            RealtimeViewsConfig.SALT_BUCKETS,
            RealtimeViewsConfig.TIME_TO_LIVE);
  }

  @Test
  void aReplayOfHistoryCanKeepItsCellsLonger() {
    Settings settings = Settings.empty().withOverrides(List.of("realtime.ttl=5000d"));

    assertThat(RealtimeViewsConfig.from(settings).timeToLive()).isEqualTo(Duration.ofDays(5000));
    assertThatThrownBy(() -> new RealtimeViewsConfig("marketlambda", 16, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeToLive PT0.5S");
  }

  @Test
  void defaultsGiveSixteenBucketsInTheMarketlambdaNamespace() {
    RealtimeViewsConfig config = RealtimeViewsConfig.from(Settings.empty());

    assertThat(config).isEqualTo(new RealtimeViewsConfig("marketlambda", 16));
    assertThat(config.rowKeyCodec().saltBuckets()).isEqualTo(16);
    assertThat(config.rowKeyCodec().splitKeys().length).isEqualTo(15);
  }

  @Test
  void overridesAreRead() {
    Settings settings =
        Settings.empty()
            .withOverrides(List.of("realtime.salt-buckets=256", "realtime.hbase-namespace=test_1"));

    assertThat(RealtimeViewsConfig.from(settings))
        .isEqualTo(new RealtimeViewsConfig("test_1", 256));
  }

  @Test
  void badValuesNameKeyAndValue() {
    Settings tooMany = Settings.empty().withOverrides(List.of("realtime.salt-buckets=257"));
    Settings badNamespace =
        Settings.empty().withOverrides(List.of("realtime.hbase-namespace=market-lambda"));

    assertThatThrownBy(() -> RealtimeViewsConfig.from(tooMany))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Cannot read config key 'realtime.salt-buckets': value '257' is not an integer in [1, 256]");
    assertThatThrownBy(() -> RealtimeViewsConfig.from(badNamespace))
        .hasMessage(
            "Cannot read config key 'realtime.hbase-namespace': value 'market-lambda' is not an HBase"
                + " namespace (letters, digits and _)");
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new RealtimeViewsConfig("marketlambda", 0))
        .hasMessage("Cannot use saltBuckets 0: it is not in [1, 256]");
    assertThatThrownBy(() -> new RealtimeViewsConfig("", 16))
        .hasMessage(
            "Cannot use namespace '': it is not an HBase namespace (letters, digits and _)");
  }
}
