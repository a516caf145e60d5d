package io.marketlambda.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Kafka topics the layers share.
 *
 * @param quotes quotes in wire format v1, keyed by symbol
 * @param bars vendor bars in wire format v1, keyed by symbol
 * @param deadLetter quotes that failed to decode: original bytes, reason and source offset
 * @param alerts alerts raised by the speed layer
 * @param late quotes that arrived behind the speed layer's watermark
 */
public record TopicsConfig(
    String quotes, String bars, String deadLetter, String alerts, String late) {
  /**
   * A legal Kafka topic name: 1 to 249 of {@code a-z A-Z 0-9 . _ -}, but not {@code .} or {@code
   * ..}.
   */
  private static final Pattern TOPIC = Pattern.compile("(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}");

  private static final String TOPIC_RULE = "a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -)";

  /** Topic of quotes. */
  public static final ConfigKey<String> QUOTES =
      topicKey("topics.quotes", "marketlambda.quotes.v1", "Kafka topic of quotes, wire format v1");

  /** Topic of vendor bars. */
  public static final ConfigKey<String> BARS =
      topicKey(
          "topics.bars",
          "marketlambda.bars.v1",
          "Kafka topic of vendor bars (recorded or Alpha Vantage), wire format v1");

  /** Topic of undecodable quotes. */
  public static final ConfigKey<String> DEAD_LETTER =
      topicKey(
          "topics.dead-letter",
          "marketlambda.quotes.dlq.v1",
          "Kafka topic of quotes that failed to decode, with the reason");

  /** Topic of alerts. */
  public static final ConfigKey<String> ALERTS =
      topicKey("topics.alerts", "marketlambda.alerts.v1", "Kafka topic of speed-layer alerts");

  /** Topic of late quotes. */
  public static final ConfigKey<String> LATE =
      topicKey(
          "topics.late",
          "marketlambda.quotes.late.v1",
          "Kafka topic of quotes that arrived behind the speed layer's watermark");

  /**
   * @throws IllegalArgumentException naming the component when a topic name is not legal in Kafka
   */
  public TopicsConfig {
    requireTopic("quotes", quotes);
    requireTopic("bars", bars);
    requireTopic("deadLetter", deadLetter);
    requireTopic("alerts", alerts);
    requireTopic("late", late);
  }

  /**
   * Reads the topics config.
   *
   * @throws ConfigException naming the key and value when a topic name is not legal in Kafka
   */
  public static TopicsConfig from(Settings settings) {
    return new TopicsConfig(
        settings.get(QUOTES),
        settings.get(BARS),
        settings.get(DEAD_LETTER),
        settings.get(ALERTS),
        settings.get(LATE));
  }

  /** Returns every key this config reads. */
  public static List<ConfigKey<?>> keys() {
    return List.of(QUOTES, BARS, DEAD_LETTER, ALERTS, LATE);
  }

  private static ConfigKey<String> topicKey(String name, String defaultTopic, String description) {
    return ConfigKey.matching(name, defaultTopic, TOPIC, TOPIC_RULE, description);
  }

  private static void requireTopic(String component, String topic) {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException(
          "Cannot use topic " + component + " '" + topic + "': it is not " + TOPIC_RULE);
    }
  }
}
