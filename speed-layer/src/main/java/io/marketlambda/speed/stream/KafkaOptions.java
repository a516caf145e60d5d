package io.marketlambda.speed.stream;

import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client settings as Spark's Kafka source and sink take them: each key behind {@code kafka.}.
 */
final class KafkaOptions {
  private KafkaOptions() {}

  static Map<String, String> prefixed(Map<String, String> kafka) {
    Map<String, String> options = new TreeMap<>();
    kafka.forEach((key, value) -> options.put("kafka." + key, value));
    return options;
  }

  /**
   * Writes {@code records} (columns {@code key}, {@code value}, optional {@code headers}) to {@code
   * topic} with Spark's Kafka sink.
   */
  static void save(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> records,
      String topic,
      Map<String, String> kafka) {
    records.write().format("kafka").options(prefixed(kafka)).option("topic", topic).save();
  }
}
