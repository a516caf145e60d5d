package io.marketlambda.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplaySpeedTest {
  @ParameterizedTest
  @CsvSource({"60x, 60.0", "60, 60.0", "0.5x, 0.5", "1X, 1.0", " 2x , 2.0"})
  void parsesMultiples(String text, double multiplier) {
    assertThat(ReplaySpeed.parse(text).multiplier()).isEqualTo(multiplier);
  }

  @ParameterizedTest
  @ValueSource(strings = {"max", "MAX"})
  void parsesMax(String text) {
    ReplaySpeed speed = ReplaySpeed.parse(text);

    assertThat(speed.isMax()).isTrue();
    assertThat(speed.wallTime(Duration.ofHours(6))).isZero();
    assertThat(speed).hasToString("max");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "0x", "-2x", "x", "", "NaNx", "Infinityx"})
  void rejectsAnythingElseNamingTheText(String text) {
    assertThatThrownBy(() -> ReplaySpeed.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot parse replay speed '"
                + text
                + "': expected max, or a positive multiple like 60x");
  }

  @ParameterizedTest
  @CsvSource({"60x, PT1H, PT1M", "1x, PT30S, PT30S", "0.5x, PT1S, PT2S"})
  void scalesRecordedTimeToWallTime(String speed, Duration recorded, Duration wall) {
    assertThat(ReplaySpeed.parse(speed).wallTime(recorded)).isEqualTo(wall);
  }
}
