package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  private static final ConfigKey<Duration> INTERVAL =
      ConfigKey.duration("speed.trigger-interval", Duration.ofSeconds(5), "Micro-batch interval");
  private static final ConfigKey<String> BOOTSTRAP =
      ConfigKey.string("kafka.bootstrap.servers", null, "Kafka brokers, host:port,...");

  @TempDir Path directory;

  @Test
  void absentKeysReadTheirDefault() {
    assertThat(Settings.empty().get(INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Settings.empty().keys()).isEmpty();
  }

  @Test
  void missingRequiredKeyNamesKeyAndDescription() {
    assertThatThrownBy(() -> Settings.empty().get(BOOTSTRAP))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("kafka.bootstrap.servers");
              assertThat(e.value()).isEmpty();
            })
        .hasMessage(
            "Cannot read config key 'kafka.bootstrap.servers': missing; Kafka brokers, host:port,...");
  }

  @Test
  void presentKeysAreParsed() {
    Settings settings = Settings.of(Map.of("speed.trigger-interval", "500ms"));

    assertThat(settings.get(INTERVAL)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void badValueNamesKeyAndValue() {
    Settings settings = Settings.of(Map.of("speed.trigger-interval", "fast"));

    assertThatThrownBy(() -> settings.get(INTERVAL))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Cannot read config key 'speed.trigger-interval': value 'fast' is not a duration"
                + " (examples: 500ms, 1s, 2m, PT1S)");
  }

  @Test
  void loadsAPropertiesFileAsUtf8() throws IOException {
    Path file = directory.resolve("marketlambda.properties");
    Files.writeString(
        file,
        "# comment\nspeed.trigger-interval = 2m\nkafka.bootstrap.servers=localhost:9092\n"
            + "serving.title=Kurs\u00fcbersicht\n",
        StandardCharsets.UTF_8);

    Settings settings = Settings.load(file);

    assertThat(settings.get(INTERVAL)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.get(BOOTSTRAP)).isEqualTo("localhost:9092");
    assertThat(settings.withPrefix("serving."))
        .containsEntry("serving.title", "Kurs\u00fcbersicht");
    assertThat(settings.keys())
        .containsExactly("kafka.bootstrap.servers", "serving.title", "speed.trigger-interval");
  }

  @Test
  void loadingAMissingFileSaysNotFound() {
    Path missing = directory.resolve("absent.properties");

    assertThatThrownBy(() -> Settings.load(missing))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).isEmpty();
              assertThat(e.value()).contains(missing.toString());
            })
        .hasMessage("Cannot read config file " + missing + ": not found");
  }

  @Test
  void loadingAMalformedFileNamesIt() throws IOException {
    Path file = directory.resolve("bad.properties");
    Files.writeString(file, "x=\\uZZZZ\n");

    assertThatThrownBy(() -> Settings.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Cannot read config file " + file + ": malformed: ");
  }

  @Test
  void overridesWinAndMayContainEqualsSigns() {
    Settings settings =
        Settings.of(Map.of("speed.trigger-interval", "1s"))
            .withOverrides(
                List.of("speed.trigger-interval=PT3S", " spark.driver.extraJavaOptions =-Da=b"));

    assertThat(settings.get(INTERVAL)).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.withPrefix("spark."))
        .containsExactly(Map.entry("spark.driver.extraJavaOptions", "-Da=b"));
  }

  @Test
  void malformedOverridesAreNamed() {
    for (String entry : List.of("speed.trigger-interval", "=5s", " =5s")) {
      assertThatThrownBy(() -> Settings.empty().withOverrides(List.of(entry)))
          .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.value()).contains(entry))
          .hasMessage(
              "Cannot read config override '"
                  + entry
                  + "': expected key=value, e.g. lake.root=/data/lake");
    }
  }

  @Test
  void mergeLetsTheHigherPriorityWin() {
    Settings file = Settings.of(Map.of("a.x", "file", "a.y", "file"));
    Settings commandLine = Settings.of(Map.of("a.y", "command-line", "a.z", "command-line"));

    assertThat(file.merge(commandLine))
        .isEqualTo(
            Settings.of(Map.of("a.x", "file", "a.y", "command-line", "a.z", "command-line")));
  }

  @Test
  void prefixSelectionKeepsOrStripsThePrefix() {
    Settings settings =
        Settings.of(
            Map.of(
                "kafka.bootstrap.servers", "b:9092",
                "kafka.acks", "all",
                "kafkaesque", "no",
                "hbase.zookeeper.quorum", "zk"));

    assertThat(settings.withPrefixStripped("kafka."))
        .containsExactly(Map.entry("acks", "all"), Map.entry("bootstrap.servers", "b:9092"));
    assertThat(settings.withPrefix("hbase."))
        .containsExactly(Map.entry("hbase.zookeeper.quorum", "zk"));
    assertThatThrownBy(() -> settings.withPrefix("kafka"))
        .hasMessage("Cannot select settings by prefix 'kafka': a prefix ends in '.', e.g. kafka.");
  }

  @Test
  void toStringShowsKeysButNeverValues() {
    Settings settings = Settings.of(Map.of("alpha-vantage.api-key", "SECRET123", "lake.root", "x"));

    assertThat(settings).hasToString("Settings[alpha-vantage.api-key, lake.root]");
  }

  @Test
  void isImmutable() {
    Settings settings = Settings.of(Map.of("a.b", "c"));

    assertThatThrownBy(() -> settings.keys().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> settings.withPrefix("a.").put("a.c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
