package io.marketlambda.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.batch.BatchViewReader;
import io.marketlambda.speed.stream.SpeedPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.NamespaceNotFoundException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The checks of {@code marketlambda doctor}: Kafka (brokers, topics), HBase (the realtime views'
 * tables), the lake (its root and tables), the last batch run the serving copy holds (run date,
 * batch watermarks), and the speed layer's lag (records between each query's last checkpointed
 * offsets and the topics' ends). Each check times out after {@value #TIMEOUT_SECONDS} s.
 */
final class Doctor {
  private static final int TIMEOUT_SECONDS = 10;

  /** One check's verdict. */
  enum Status {
    OK("ok"),
    WARN("warn"),
    FAIL("FAIL");

    final String text;

    Status(String text) {
      this.text = text;
    }
  }

  /** One line of the report. */
  record Check(String what, Status status, String detail) {}

  private Doctor() {}

  /** Runs every check against the services {@code settings} name, in report order. */
  static List<Check> run(Settings settings) {
    List<Check> checks = new ArrayList<>();
    Map<TopicPartition, Long> ends = new HashMap<>();
    checks.addAll(kafka(settings, ends));
    checks.addAll(hbase(settings));
    checks.addAll(lake(settings, ends));
    return checks;
  }

  /** Brokers reachable, the topics present; fills {@code ends} with each partition's end offset. */
  private static List<Check> kafka(Settings settings, Map<TopicPartition, Long> ends) {
    Map<String, Object> properties = new HashMap<>(settings.withPrefixStripped("kafka."));
    properties.putIfAbsent("bootstrap.servers", "localhost:9092");
    properties.put("request.timeout.ms", "5000");
    properties.put("default.api.timeout.ms", "8000");
    String servers = String.valueOf(properties.get("bootstrap.servers"));
    List<Check> checks = new ArrayList<>();
    try (Admin admin = Admin.create(properties)) {
      Collection<?> brokers =
          admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      checks.add(new Check("kafka", Status.OK, brokers.size() + " broker(s) at " + servers));
      try {
        checks.add(topics(admin, settings, ends));
      } catch (Exception e) {
        checks.add(
            new Check("topics", Status.FAIL, "cannot list the topics or their ends: " + cause(e)));
      }
    } catch (Exception e) {
      checks.add(
          new Check("kafka", Status.FAIL, "no broker answered at " + servers + ": " + cause(e)));
    }
    return checks;
  }

  /** The topics the jobs use, present or not; fills {@code ends} with their end offsets. */
  private static Check topics(Admin admin, Settings settings, Map<TopicPartition, Long> ends)
      throws Exception {
    TopicsConfig topics = TopicsConfig.from(settings);
    List<String> wanted =
        List.of(topics.quotes(), topics.bars(), topics.deadLetter(), topics.late());
    java.util.Set<String> present =
        admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<String> missing = wanted.stream().filter(topic -> !present.contains(topic)).toList();
    List<String> there = wanted.stream().filter(present::contains).toList();
    if (!there.isEmpty()) {
      Map<String, TopicDescription> described =
          admin.describeTopics(there).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      described
          .values()
          .forEach(
              topic ->
                  topic
                      .partitions()
                      .forEach(
                          partition ->
                              latest.put(
                                  new TopicPartition(topic.name(), partition.partition()),
                                  OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
          admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
    }
    return missing.isEmpty()
        ? new Check("topics", Status.OK, String.join(", ", wanted))
        : new Check(
            "topics",
            Status.WARN,
            "missing " + missing + " (created by ingest, replay or the speed layer on first use)");
  }

  /** The realtime views' tables, and the batch run the serving copy holds. */
  private static List<Check> hbase(Settings settings) {
    Map<String, String> hbase = new TreeMap<>(HBaseConnector.hbaseSettings(settings));
    hbase.putIfAbsent("hbase.client.retries.number", "2");
    hbase.putIfAbsent("hbase.client.operation.timeout", "8000");
    hbase.putIfAbsent("hbase.rpc.timeout", "4000");
    hbase.putIfAbsent("hbase.client.pause", "200");
    // The client's ZooKeeper reads retry 30 times a second apart by default.
    hbase.putIfAbsent("zookeeper.recovery.retry", "2");
    hbase.putIfAbsent("zookeeper.recovery.retry.intervalmill", "200");
    hbase.putIfAbsent("zookeeper.session.timeout", "8000");
    HBaseViewsConfig views = HBaseViewsConfig.from(settings);
    String quorum = hbase.getOrDefault("hbase.zookeeper.quorum", "localhost");
    List<Check> checks = new ArrayList<>();
    try (Connection connection = HBaseConnector.connect(hbase);
        org.apache.hadoop.hbase.client.Admin admin = connection.getAdmin()) {
      List<TableName> tables;
      try {
        tables = List.of(admin.listTableNamesByNamespace(views.namespace()));
      } catch (NamespaceNotFoundException e) {
        tables = List.of();
      }
      checks.add(
          tables.isEmpty()
              ? new Check(
                  "hbase",
                  Status.WARN,
                  "reachable (ZooKeeper "
                      + quorum
                      + "), but namespace "
                      + views.namespace()
                      + " holds no table yet (the speed layer creates them)")
              : new Check(
                  "hbase",
                  Status.OK,
                  tables.size()
                      + " tables in namespace "
                      + views.namespace()
                      + " ("
                      + quorum
                      + ")"));
      Optional<BatchViewPointer> pointer = new BatchViewReader(connection, views).current();
      checks.add(
          pointer
              .map(Doctor::batchRun)
              .orElse(
                  new Check(
                      "batch run",
                      Status.WARN,
                      "no run exported to the serving copy yet (marketlambda batch with"
                          + " batch.serving-copy=true)")));
    } catch (Exception e) {
      checks.add(
          new Check("hbase", Status.FAIL, "cannot reach HBase at " + quorum + ": " + cause(e)));
    }
    return checks;
  }

  private static Check batchRun(BatchViewPointer pointer) {
    Instant oldest = pointer.watermarks().values().stream().min(Instant::compareTo).orElse(null);
    Instant newest = pointer.watermarks().values().stream().max(Instant::compareTo).orElse(null);
    Optional<Symbol> behind =
        pointer.watermarks().entrySet().stream()
            .filter(entry -> entry.getValue().equals(oldest))
            .map(Map.Entry::getKey)
            .findFirst();
    return new Check(
        "batch run",
        Status.OK,
        String.format(
            Locale.ROOT,
            "%s (run date %s) serves %d symbols; batch watermarks %s to %s%s",
            pointer.runId(),
            pointer.runDate(),
            pointer.watermarks().size(),
            oldest,
            newest,
            oldest != null && !oldest.equals(newest)
                ? " (oldest: " + behind.map(Symbol::value).orElse("?") + ")"
                : ""));
  }

  /** The lake's root and tables, and each speed query's lag behind the topics' ends. */
  private static List<Check> lake(Settings settings, Map<TopicPartition, Long> ends) {
    List<Check> checks = new ArrayList<>();
    LakeLayout lake;
    try {
      lake = LakeConfig.from(settings).layout();
    } catch (RuntimeException e) {
      return List.of(new Check("lake", Status.FAIL, cause(e)));
    }
    org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
    // The jobs' Hadoop settings (spark.hadoop.*: an ABFS key, an HA nameservice), and short
    // retries: an unreachable NameNode is retried 45 times 20 s apart by default.
    settings.withPrefixStripped("spark.hadoop.").forEach(hadoop::set);
    hadoop.setIfUnset("ipc.client.connect.max.retries", "1");
    hadoop.setIfUnset("ipc.client.connect.max.retries.on.timeouts", "1");
    hadoop.setIfUnset("ipc.client.connect.timeout", "5000");
    hadoop.setIfUnset("fs.azure.io.retry.max.retries", "2");
    try {
      FileSystem fs = FileSystem.get(lake.root(), hadoop);
      if (!fs.exists(new Path(lake.root()))) {
        checks.add(
            new Check(
                "lake", Status.WARN, lake.root() + " does not exist yet (import creates it)"));
        return checks;
      }
      List<String> present = new ArrayList<>();
      for (LakeTable table : LakeTable.values()) {
        if (fs.exists(new Path(new Path(lake.table(table)), "_delta_log"))) {
          present.add(table.qualifiedName());
        }
      }
      checks.add(
          new Check(
              "lake",
              present.isEmpty() ? Status.WARN : Status.OK,
              lake.root()
                  + (present.isEmpty()
                      ? ": no table yet (marketlambda import)"
                      : ": " + present.size() + " tables, e.g. " + present.get(0))));
      for (String query : SpeedPipeline.QUERY_NAMES) {
        checks.add(lag(fs, lake.checkpoint(query), query, ends));
      }
    } catch (IOException | RuntimeException e) {
      checks.add(new Check("lake", Status.FAIL, "cannot read " + lake.root() + ": " + cause(e)));
    }
    return checks;
  }

  /**
   * Records between the offsets of a query's newest checkpointed micro-batch (its {@code offsets/}
   * log, one JSON line per source: topic to partition to offset) and the partitions' end offsets.
   */
  static Check lag(FileSystem fs, URI checkpoint, String query, Map<TopicPartition, Long> ends)
      throws IOException {
    Path offsets = new Path(new Path(checkpoint), "offsets");
    if (!fs.exists(offsets)) {
      return new Check(query, Status.WARN, "no checkpoint yet (the speed layer has not run)");
    }
    // The newest micro-batch with a commit: Spark writes offsets/N before it runs batch N.
    Path commits = new Path(new Path(checkpoint), "commits");
    java.util.Set<Long> committed = new java.util.HashSet<>();
    if (fs.exists(commits)) {
      for (FileStatus file : fs.listStatus(commits)) {
        if (file.getPath().getName().matches("\\d+")) {
          committed.add(Long.parseLong(file.getPath().getName()));
        }
      }
    }
    FileStatus newest = null;
    long newestBatch = -1;
    for (FileStatus file : fs.listStatus(offsets)) {
      String name = file.getPath().getName();
      if (name.matches("\\d+")
          && Long.parseLong(name) > newestBatch
          && (committed.isEmpty() || committed.contains(Long.parseLong(name)))) {
        newestBatch = Long.parseLong(name);
        newest = file;
      }
    }
    if (newest == null) {
      return new Check(query, Status.WARN, "no micro-batch checkpointed yet");
    }
    Map<TopicPartition, Long> read = new HashMap<>();
    try (InputStream in = fs.open(newest.getPath())) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      ObjectMapper json = new ObjectMapper();
      for (int i = 2; i < lines.length; i++) {
        if (!lines[i].startsWith("{")) {
          continue;
        }
        JsonNode source = json.readTree(lines[i]);
        source
            .fields()
            .forEachRemaining(
                topic ->
                    topic
                        .getValue()
                        .fields()
                        .forEachRemaining(
                            partition ->
                                read.put(
                                    new TopicPartition(
                                        topic.getKey(), Integer.parseInt(partition.getKey())),
                                    partition.getValue().asLong())));
      }
    }
    long lag = 0;
    List<TopicPartition> unknown = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> entry : read.entrySet()) {
      Long end = ends.get(entry.getKey());
      if (end == null) {
        unknown.add(entry.getKey());
      } else {
        lag += Math.max(0, end - entry.getValue());
      }
    }
    if (!unknown.isEmpty()) {
      return new Check(
          query,
          Status.WARN,
          "lag unknown: no end offset read for " + unknown + " (see the Kafka checks)");
    }
    String age =
        String.format(
            Locale.ROOT,
            "micro-batch %d checkpointed %d s ago",
            newestBatch,
            Math.max(0, (System.currentTimeMillis() - newest.getModificationTime()) / 1000));
    return new Check(
        query,
        lag == 0 ? Status.OK : Status.WARN,
        String.format(Locale.ROOT, "%,d records behind the topics' ends; %s", lag, age));
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }
}
