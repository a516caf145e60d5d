package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlphaVantageConfigTest {
  @Test
  void pinsEveryKeyAndDefault() {
    assertThat(AlphaVantageConfig.keys())
        .extracting(ConfigKey::name)
        .containsExactly(
            "alphavantage.base-url",
            "alphavantage.api-key-file",
            "alphavantage.plan",
            "alphavantage.calls-per-minute",
            "alphavantage.calls-per-day",
            "alphavantage.quota-reset-zone",
            "alphavantage.request-timeout",
            "alphavantage.max-attempts",
            "alphavantage.intraday-label",
            "alphavantage.state-file");
    assertThat(AlphaVantageConfig.from(Settings.empty()))
        .isEqualTo(
            new AlphaVantageConfig(
                URI.create("https://www.alphavantage.co/query"),
                null,
                AlphaVantagePlan.FREE,
                5,
                25,
                ZoneId.of("UTC"),
                Duration.ofSeconds(30),
                4,
                BarLabel.START,
                Path.of("work/alphavantage/quota-state.properties")));
    assertThat(AlphaVantageConfig.keys()).allMatch(key -> !key.description().isBlank());
  }

  @Test
  void readsEveryKey() {
    AlphaVantageConfig config =
        AlphaVantageConfig.from(
            Settings.of(
                Map.of(
                    "alphavantage.base-url", "http://127.0.0.1:8080/query",
                    "alphavantage.api-key-file", "/run/secrets/av",
                    "alphavantage.plan", "premium",
                    "alphavantage.calls-per-minute", "75",
                    "alphavantage.quota-reset-zone", "America/New_York",
                    "alphavantage.request-timeout", "5s",
                    "alphavantage.max-attempts", "2",
                    "alphavantage.intraday-label", "end",
                    "alphavantage.state-file", "/tmp/av.properties")));

    assertThat(config.apiKeyFile()).isEqualTo(Path.of("/run/secrets/av"));
    assertThat(config.intradayLabel()).isEqualTo(BarLabel.END);
    assertThat(config.quotaLimits().hasDailyCap()).isFalse();
    assertThat(config.quotaLimits().describe()).isEqualTo("75/minute, no daily cap");
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void failsNamingTheKeyAndValue() {
    assertThatThrownBy(
            () ->
                AlphaVantageConfig.from(
                    Settings.of(Map.of("alphavantage.intraday-label", "middle"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Cannot read config key 'alphavantage.intraday-label': value 'middle' is not one of start, end");
    assertThatThrownBy(
            () ->
                AlphaVantageConfig.from(
                    Settings.of(Map.of("alphavantage.quota-reset-zone", "Mars/Olympus"))))
        .hasMessageStartingWith(
            "Cannot read config key 'alphavantage.quota-reset-zone': value 'Mars/Olympus' is not a time zone");
    assertThatThrownBy(
            () ->
                AlphaVantageConfig.from(Settings.of(Map.of("alphavantage.request-timeout", "0s"))))
        .hasMessageStartingWith("Cannot read config key 'alphavantage.request-timeout'");
  }
}
