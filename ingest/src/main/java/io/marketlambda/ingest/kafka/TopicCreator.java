package io.marketlambda.ingest.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics ingest writes to when they are absent, with the configured partitions,
 * replication factor and retention; existing topics are left exactly as they are.
 */
public final class TopicCreator {
  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
  private final KafkaPublishConfig config;

  public TopicCreator(KafkaPublishConfig config) {
    this.config = config;
  }

  /**
   * Creates each named topic that does not exist yet.
   *
   * @return the topics this call created
   * @throws IllegalStateException if the brokers cannot be reached or refuse a creation
   */
  public Set<String> createMissing(Collection<String> topics) {
    try (Admin admin = Admin.create(Map.copyOf(config.adminProperties()))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .distinct()
              .filter(topic -> !existing.contains(topic))
              .map(this::newTopic)
              .toList();
      for (NewTopic topic : missing) {
        create(admin, topic);
      }
      return Set.copyOf(missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot list topics at " + config.kafka().get("bootstrap.servers") + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }

  private NewTopic newTopic(String name) {
    return new NewTopic(name, config.partitions(), config.replicationFactor())
        .configs(
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.retention().toMillis())));
  }

  private static void create(Admin admin, NewTopic topic)
      throws InterruptedException, TimeoutException {
    try {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      log.info(
          "Created topic {} ({} partitions, replication {}, {})",
          topic.name(),
          topic.numPartitions(),
          topic.replicationFactor(),
          topic.configs());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "Cannot create topic " + topic.name() + ": " + e.getCause(), e);
      }
    }
  }
}
