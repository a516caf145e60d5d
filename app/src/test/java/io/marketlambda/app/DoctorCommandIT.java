package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code marketlambda doctor} against a running local stack: what is there is ok, what is missing
 * is a warning naming what creates it, and the speed layer's lag is the records between its last
 * checkpointed offsets and the topic's end.
 */
@ExtendWith(LocalStackExtension.class)
class DoctorCommandIT {
  @Test
  void reportsEachPartAndTheSpeedLayersLagFromItsCheckpoint(
      LocalStackEndpoints endpoints, @TempDir Path root) throws Exception {
    String topic = "doctor-it.quotes.v1";
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, ("quote-" + i).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    LakeLayout lake = LakeLayout.of(root.toString());
    // The views query's offsets and commit logs as Spark writes them (offsets: version, metadata,
    // one line per source): micro-batch 7 committed at offset 4, batch 8 planned but not run.
    Path checkpoint = Path.of(lake.checkpoint("speed-views"));
    Files.createDirectories(checkpoint.resolve("offsets"));
    Files.createDirectories(checkpoint.resolve("commits"));
    for (int batch = 7; batch <= 8; batch++) {
      Files.writeString(
          checkpoint.resolve("offsets").resolve(Integer.toString(batch)),
          "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{}}\n{\""
              + topic
              + "\":{\"0\":"
              + (batch == 7 ? 4 : 9)
              + "}}",
          StandardCharsets.UTF_8);
    }
    Files.writeString(checkpoint.resolve("commits/7"), "v1\n{\"nextBatchWatermarkMs\":0}");

    StringWriter out = new StringWriter();
    int exit =
        doctor(
            out,
            endpoints,
            "kafka.bootstrap.servers=" + endpoints.kafkaBootstrapServers(),
            "realtime.hbase-namespace=doctor_it",
            "topics.quotes=" + topic,
            "lake.root=" + root);

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("ok +kafka +1 broker\\(s\\) at ")
        .containsPattern("warn +topics +missing \\[")
        .containsPattern("warn +hbase +reachable .* namespace doctor_it holds no table yet")
        .containsPattern("warn +batch run +no run exported to the serving copy yet")
        .containsPattern("warn +lake .*: no table yet \\(marketlambda import\\)")
        .containsPattern("warn +speed-views +6 records behind the topics' ends; micro-batch 7")
        .containsPattern("warn +speed-latest-quote +no checkpoint yet")
        .contains("doctor: 7 checks, 0 failed, 6 warnings");
  }

  @Test
  void aBrokerThatDoesNotAnswerFailsTheKafkaCheckAndTheCommand(
      LocalStackEndpoints endpoints, @TempDir Path root) {
    StringWriter out = new StringWriter();
    int exit = doctor(out, endpoints, "kafka.bootstrap.servers=127.0.0.1:1", "lake.root=" + root);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern("FAIL +kafka +no broker answered at 127.0.0.1:1: ")
        .containsPattern("doctor: \\d+ checks, 1 failed, ");
  }

  /** Runs {@code doctor} on the stack's HBase with these settings, printing into {@code out}. */
  private static int doctor(StringWriter out, LocalStackEndpoints endpoints, String... settings) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    java.util.List<String> args = new java.util.ArrayList<>(List.of("doctor"));
    java.util.List<String> all = new java.util.ArrayList<>(List.of(settings));
    all.add("hbase.zookeeper.quorum=" + endpoints.zookeeperQuorum());
    all.add("hbase.zookeeper.property.clientPort=" + endpoints.zookeeperClientPort());
    for (String setting : all) {
      args.add("--conf");
      args.add(setting);
    }
    return commandLine.execute(args.toArray(String[]::new));
  }
}
