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
   * Creates those of {@code topics} that do not exist, with the broker's default partitions and
   * replication: a query can then subscribe to a topic nothing has written yet, and the first
   * record to a topic the speed layer writes (late quotes, dead letters, alerts) does not depend on
   * the broker's auto-creation.
   *
   * @throws IllegalStateException when the brokers cannot be reached or refuse
   */
  static void createMissing(Map<String, String> kafka, String... topics) {
    Map<String, Object> properties = new TreeMap<>(kafka);
    String names = String.join(", ", topics);
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(properties)) {
      java.util.Set<String> existing =
          admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
      java.util.List<org.apache.kafka.clients.admin.NewTopic> missing =
          java.util.Arrays.stream(topics)
              .distinct()
              .filter(topic -> !existing.contains(topic))
              .map(
                  topic ->
                      new org.apache.kafka.clients.admin.NewTopic(
                          topic, java.util.Optional.empty(), java.util.Optional.empty()))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var created : admin.createTopics(missing).values().entrySet()) {
        try {
          created.getValue().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw new IllegalStateException(
                "Cannot create topic " + created.getKey() + ": " + e.getCause().getMessage(), e);
          }
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "Cannot create topics " + names + ": " + e.getCause().getMessage(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Cannot create topics " + names + ": no answer in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + names, e);
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
