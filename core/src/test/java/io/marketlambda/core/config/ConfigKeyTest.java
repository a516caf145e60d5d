package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {
  private static final ConfigKey<Duration> INTERVAL =
      ConfigKey.duration("speed.trigger-interval", Duration.ofSeconds(5), "Micro-batch interval");

  /** A sample enum: how to treat invalid records. */
  enum OnInvalid {
    QUARANTINE,
    FAIL_FAST
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "1s, PT1S",
    "2m, PT2M",
    "1h, PT1H",
    "1d, PT24H",
    "0s, PT0S",
    "PT1S, PT1S",
    "PT0.25S, PT0.25S",
    "pt1m, PT1M",
    "' 90s ', PT1M30S",
  })
  void parsesDurations(String text, Duration expected) {
    assertThat(INTERVAL.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fast",
        "1",
        "1.5s",
        "-1s",
        "PT-1S",
        "1 s",
        "5w",
        "",
        "99999999999999999999d",
        "9999999999999999d"
      })
  void rejectsBadDurationsNamingKeyAndValue(String text) {
    assertThatThrownBy(() -> INTERVAL.parse(text))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("speed.trigger-interval");
              assertThat(e.value()).contains(text);
            })
        .hasMessage(
            "Cannot read config key 'speed.trigger-interval': value '"
                + text
                + "' is not a duration (examples: 500ms, 1s, 2m, PT1S)");
  }

  @Test
  void integersAreCheckedAgainstTheirRange() {
    ConfigKey<Integer> buckets = ConfigKey.integer("x.buckets", 16, 1, 256, "Buckets");

    assertThat(buckets.parse("256")).isEqualTo(256);
    assertThat(buckets.parse(" 1 ")).isEqualTo(1);
    for (String bad : new String[] {"0", "257", "sixteen", "1.0", "99999999999"}) {
      assertThatThrownBy(() -> buckets.parse(bad))
          .hasMessage(
              "Cannot read config key 'x.buckets': value '"
                  + bad
                  + "' is not an integer in [1, 256]");
    }
  }

  @Test
  void decimalsAreFiniteAndInRange() {
    ConfigKey<Double> move = ConfigKey.decimal("x.move", 0.02, 0.0001, 1, "Move");

    assertThat(move.parse("0.05")).isEqualTo(0.05);
    assertThat(move.parse("1")).isEqualTo(1.0);
    for (String bad : new String[] {"0", "1.5", "NaN", "Infinity", "two", "-0.01"}) {
      assertThatThrownBy(() -> move.parse(bad))
          .hasMessage(
              "Cannot read config key 'x.move': value '"
                  + bad
                  + "' is not a number in [1.0E-4, 1.0]");
    }
  }

  @Test
  void booleansAreExactlyTrueOrFalse() {
    ConfigKey<Boolean> enabled = ConfigKey.bool("x.enabled", false, "Whether x runs");

    assertThat(enabled.parse("true")).isTrue();
    assertThat(enabled.parse("false")).isFalse();
    for (String bad : new String[] {"TRUE", "yes", "1", "on"}) {
      assertThatThrownBy(() -> enabled.parse(bad))
          .hasMessage(
              "Cannot read config key 'x.enabled': value '" + bad + "' is not true or false");
    }
  }

  @Test
  void enumsAreLowerCaseWithDashes() {
    ConfigKey<OnInvalid> onInvalid =
        ConfigKey.enumeration(
            "speed.on-invalid", OnInvalid.class, OnInvalid.QUARANTINE, "What to do");

    assertThat(onInvalid.parse("quarantine")).isEqualTo(OnInvalid.QUARANTINE);
    assertThat(onInvalid.parse("fail-fast")).isEqualTo(OnInvalid.FAIL_FAST);
    assertThatThrownBy(() -> onInvalid.parse("FAIL_FAST"))
        .hasMessage(
            "Cannot read config key 'speed.on-invalid': value 'FAIL_FAST' is not one of"
                + " quarantine, fail-fast");
  }

  @Test
  void urisPathsAndStrings() {
    assertThat(ConfigKey.uri("x.uri", null, "A URI").parse("hdfs://nn:8020/lake"))
        .isEqualTo(URI.create("hdfs://nn:8020/lake"));
    assertThatThrownBy(() -> ConfigKey.uri("x.uri", null, "A URI").parse("hdfs://nn:8020/a b"))
        .hasMessage("Cannot read config key 'x.uri': value 'hdfs://nn:8020/a b' is not a URI");
    assertThat(ConfigKey.path("x.path", null, "A path").parse("conf/app.properties"))
        .isEqualTo(Path.of("conf", "app.properties"));
    assertThat(ConfigKey.string("x.hosts", null, "Hosts").parse(" a:1,b:2 ")).isEqualTo("a:1,b:2");
    assertThatThrownBy(() -> ConfigKey.string("x.hosts", null, "Hosts").parse("  "))
        .hasMessage("Cannot read config key 'x.hosts': value '  ' is not a non-blank string");
  }

  @Test
  void matchingChecksThePattern() {
    ConfigKey<String> name =
        ConfigKey.matching("x.name", "ok", Pattern.compile("[a-z]+"), "a lower-case word", "Name");

    assertThat(name.parse("fine")).isEqualTo("fine");
    assertThatThrownBy(() -> name.parse("Not-OK"))
        .hasMessage("Cannot read config key 'x.name': value 'Not-OK' is not a lower-case word");
  }

  @Test
  void exposesNameDefaultAndDescription() {
    assertThat(INTERVAL.name()).isEqualTo("speed.trigger-interval");
    assertThat(INTERVAL.defaultValue()).contains(Duration.ofSeconds(5));
    assertThat(INTERVAL.description()).isEqualTo("Micro-batch interval");
    assertThat(INTERVAL).hasToString("speed.trigger-interval");
    assertThat(ConfigKey.string("x.required", null, "Required").defaultValue()).isEmpty();
  }

  private enum Mode {
    PROCESSING_TIME
  }

  @Test
  void theDefaultIsWrittenAsConfigReadsIt() {
    assertThat(ConfigKey.duration("x.a", Duration.ofSeconds(10), "A").defaultText())
        .contains("10s");
    assertThat(ConfigKey.duration("x.b", Duration.ofDays(7), "B").defaultText()).contains("7d");
    assertThat(ConfigKey.duration("x.c", Duration.ofMinutes(90), "C").defaultText())
        .contains("90m");
    assertThat(ConfigKey.duration("x.d", Duration.ofMillis(1500), "D").defaultText())
        .contains("1500ms");
    assertThat(ConfigKey.duration("x.e", Duration.ZERO, "E").defaultText()).contains("0s");
    assertThat(ConfigKey.enumeration("x.f", Mode.class, Mode.PROCESSING_TIME, "F").defaultText())
        .contains("processing-time");
    assertThat(ConfigKey.bool("x.g", false, "G").defaultText()).contains("false");
    assertThat(ConfigKey.string("x.h", null, "H").defaultText()).isEmpty();
    ConfigKey<Duration> roundTrip = ConfigKey.duration("x.i", Duration.ofHours(168), "I");
    assertThat(roundTrip.parse(roundTrip.defaultText().orElseThrow()))
        .isEqualTo(Duration.ofDays(7));
  }

  @Test
  void rejectsBadDefinitions() {
    assertThatThrownBy(() -> ConfigKey.string("Speed.Interval", null, "Bad name"))
        .hasMessage(
            "Cannot define config key 'Speed.Interval': a name is lower-case words joined by . or -");
    assertThatThrownBy(() -> ConfigKey.string("x.y", null, " "))
        .hasMessage("Cannot define config key 'x.y': the description is blank");
    assertThatThrownBy(() -> ConfigKey.integer("x.y", 0, 1, 10, "Out of range default"))
        .hasMessage("Cannot define config key 'x.y': default 0 is not an integer in [1, 10]");
  }
}
