package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    assertThat(TopicsConfig.QUOTES.name()).isEqualTo("topics.quotes");
    assertThat(TopicsConfig.QUOTES.defaultValue()).contains("marketlambda.quotes.v1");
    assertThat(TopicsConfig.BARS.name()).isEqualTo("topics.bars");
    assertThat(TopicsConfig.BARS.defaultValue()).contains("marketlambda.bars.v1");
    assertThat(TopicsConfig.DEAD_LETTER.name()).isEqualTo("topics.dead-letter");
    assertThat(TopicsConfig.DEAD_LETTER.defaultValue()).contains("marketlambda.quotes.dlq.v1");
    assertThat(TopicsConfig.ALERTS.name()).isEqualTo("topics.alerts");
    assertThat(TopicsConfig.ALERTS.defaultValue()).contains("marketlambda.alerts.v1");
    assertThat(TopicsConfig.LATE.name()).isEqualTo("topics.late");
    assertThat(TopicsConfig.LATE.defaultValue()).contains("marketlambda.quotes.late.v1");
    assertThat(TopicsConfig.keys())
        .containsExactly(
            TopicsConfig.QUOTES,
            TopicsConfig.BARS,
            TopicsConfig.DEAD_LETTER,
            TopicsConfig.ALERTS,
            TopicsConfig.LATE);
  }

  @Test
  void defaultsAreTheSharedTopics() {
    assertThat(TopicsConfig.from(Settings.empty()))
        .isEqualTo(
            new TopicsConfig(
                "marketlambda.quotes.v1",
                "marketlambda.bars.v1",
                "marketlambda.quotes.dlq.v1",
                "marketlambda.alerts.v1",
                "marketlambda.quotes.late.v1"));
  }

  @Test
  void overridesReplaceOneTopic() {
    Settings settings = Settings.empty().withOverrides(List.of("topics.alerts=test_alerts-2"));

    TopicsConfig topics = TopicsConfig.from(settings);

    assertThat(topics.alerts()).isEqualTo("test_alerts-2");
    assertThat(topics.quotes()).isEqualTo("marketlambda.quotes.v1");
  }

  @Test
  void illegalTopicNameNamesKeyAndValue() {
    for (String bad : List.of("quotes v1", "quotes/v1", "..", "x".repeat(250))) {
      Settings settings = Settings.empty().withOverrides(List.of("topics.quotes=" + bad));

      assertThatThrownBy(() -> TopicsConfig.from(settings))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "Cannot read config key 'topics.quotes': value '"
                  + bad
                  + "' is not a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -)");
    }
  }

  @Test
  void acceptsTheLongestLegalName() {
    String longest = "x".repeat(249);

    assertThat(new TopicsConfig(longest, "a", "b", "c", "d").quotes()).isEqualTo(longest);
  }

  @Test
  void constructorRejectsIllegalNames() {
    assertThatThrownBy(() -> new TopicsConfig("ok", "ok", "not ok", "ok", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot use topic deadLetter 'not ok': it is not a Kafka topic name"
                + " (1 to 249 of a-z A-Z 0-9 . _ -)");
  }
}
