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

  /**
   * Creates {@code topic} with the broker's default partitions and replication when it does not
   * exist, so that a query can subscribe to a topic nothing has written yet.
   *
   * @throws IllegalStateException when the brokers cannot be reached or refuse
   */
  static void createMissing(Map<String, String> kafka, String topic) {
    Map<String, Object> properties = new TreeMap<>(kafka);
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(properties)) {
      if (!admin
          .listTopics()
          .names()
          .get(30, java.util.concurrent.TimeUnit.SECONDS)
          .contains(topic)) {
        admin
            .createTopics(
                java.util.List.of(
                    new org.apache.kafka.clients.admin.NewTopic(
                        topic, java.util.Optional.empty(), java.util.Optional.empty())))
            .all()
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException(
            "Cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Cannot create topic " + topic + ": no answer in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + topic, e);
    }
  }

  /**
   * The partition count of {@code topic}.
   *
   * @throws IllegalStateException when the brokers cannot be reached or the topic is missing
   */
  static int partitions(Map<String, String> kafka, String topic) {
    Map<String, Object> properties = new TreeMap<>(kafka);
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(properties)) {
      return admin
          .describeTopics(java.util.List.of(topic))
          .allTopicNames()
          .get(30, java.util.concurrent.TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "Cannot read the partitions of topic " + topic + ": " + e.getCause().getMessage(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "Cannot read the partitions of topic " + topic + ": Kafka gave no answer in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted reading topic " + topic, e);
    }
  }
}
