package io.marketlambda.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.core.config.Settings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchApplicationTest {
  @Test
  void readsRunDateVersionAndOverrides() {
    BatchApplication.Arguments arguments =
        BatchApplication.Arguments.parse(
            "--run-date", "2013-10-04", "--as-of-version", "3", "--conf", "batch.movers=5");

    assertThat(arguments.runDate).isEqualTo(LocalDate.of(2013, 10, 4));
    assertThat(arguments.asOfVersion).hasValue(3);
    assertThat(BatchConfig.from(arguments.settings.settings()).movers()).isEqualTo(5);
  }

  @Test
  void badArgumentsNameTheArgumentAndValue() {
    assertThatThrownBy(() -> BatchApplication.Arguments.parse())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Missing required option: '--run-date=<yyyy-mm-dd>'")
        .hasMessageContaining("Usage: BatchApplication");
    assertThatThrownBy(() -> BatchApplication.Arguments.parse("--run-date", "2013-13-01"))
        .hasMessageContaining("'--run-date'")
        .hasMessageContaining("'2013-13-01'");
    assertThatThrownBy(
            () ->
                BatchApplication.Arguments.parse(
                    "--run-date", "2013-10-04", "--as-of-version", "-1"))
        .hasMessageContaining("'--as-of-version': '-1'");
    assertThatThrownBy(
            () -> BatchApplication.Arguments.parse("--run-date", "2013-10-04", "--stop", "now"))
        .hasMessageStartingWith("Unknown options: '--stop', 'now'");
  }

  @Test
  void helpPrintsTheUsageAndRunsNothing() {
    assertThat(BatchApplication.Arguments.parse("--help")).isNull();
  }

  @Test
  void configPinsKeysAndDefaultsAndRefusesAShortVacuum() {
    BatchConfig config = BatchConfig.from(Settings.empty());

    assertThat(BatchConfig.keys())
        .extracting(key -> key.name())
        .containsExactly(
            "batch.movers",
            "batch.optimize",
            "batch.vacuum-retention",
            "batch.vacuum-interval",
            "batch.serving-copy",
            "batch.lock-timeout",
            "quotes.max-event-time-ahead",
            "bars.price-excluded-conditions");
    assertThat(config.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.servingCopy()).isFalse();
    assertThat(config.maxEventTimeAhead()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.saleConditions())
        .isEqualTo(io.marketlambda.core.model.SaleConditionRules.TAPE);
    assertThat(config.movers()).isEqualTo(10);
    assertThat(config.optimize()).isTrue();
    assertThat(config.vacuumRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.vacuumInterval()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(
            () ->
                BatchConfig.from(
                    Settings.empty().withOverrides(List.of("batch.vacuum-interval=-1h"))))
        .hasMessageContaining("Cannot read config key 'batch.vacuum-interval': value '-1h'");
    assertThatThrownBy(
            () ->
                BatchConfig.from(
                    Settings.empty().withOverrides(List.of("batch.vacuum-retention=1h"))))
        .hasMessageContaining("batch.vacuum-retention=PT1H")
        .hasMessageContaining("168 hours");
  }
}
