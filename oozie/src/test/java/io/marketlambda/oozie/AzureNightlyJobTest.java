package io.marketlambda.oozie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.marketlambda.core.config.LakeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The nightly job for Azure (Data Factory pipeline and trigger, Databricks bundle) runs the same
 * steps as the Oozie workflow: the same main classes, steps, options and config keys, in the same
 * order, on classic compute with Databricks Runtime 15.4 LTS (Spark 3.5, Scala 2.12).
 */
class AzureNightlyJobTest {
  private static final Path AZURE = Path.of("azure");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String RUNTIME = "15.4.x-scala2.12";

  @Test
  void dataFactoryPipelineRunsTheWorkflowsStepsInOrder() throws IOException {
    JsonNode pipeline =
        JSON.readTree(AZURE.resolve("adf/pipeline-marketlambda-nightly.json").toFile());
    JsonNode activities = pipeline.at("/properties/activities");
    List<List<String>> steps = new ArrayList<>();
    String previous = null;
    for (JsonNode activity : activities) {
      assertThat(activity.get("type").asText()).isEqualTo("DatabricksSparkJar");
      assertThat(activity.at("/linkedServiceName/referenceName").asText())
          .isEqualTo(linkedService().get("name").asText());
      if (previous != null) {
        assertThat(activity.at("/dependsOn/0/activity").asText()).isEqualTo(previous);
        assertThat(activity.at("/dependsOn/0/dependencyConditions/0").asText())
            .isEqualTo("Succeeded");
      }
      previous = activity.get("name").asText();
      JsonNode job = activity.get("typeProperties");
      assertThat(job.at("/libraries/0/jar").asText()).isEqualTo("@pipeline().parameters.batchJar");
      steps.add(signature(job.get("mainClassName").asText(), texts(job.get("parameters"))));
    }
    assertThat(steps).isEqualTo(oozieSteps());
    assertThat(pipeline.at("/properties/parameters/batchJar/defaultValue").asText())
        .endsWith("/" + batchJarName());
  }

  @Test
  void dataFactoryTriggerRunsThePipelineOnWeekdaysAt2130NewYorkForThatDate() throws IOException {
    JsonNode trigger =
        JSON.readTree(AZURE.resolve("adf/trigger-marketlambda-nightly.json").toFile());
    JsonNode recurrence = trigger.at("/properties/typeProperties/recurrence");
    assertThat(trigger.at("/properties/type").asText()).isEqualTo("ScheduleTrigger");
    assertThat(recurrence.get("timeZone").asText()).isEqualTo("Eastern Standard Time");
    assertThat(texts(recurrence.at("/schedule/hours"))).containsExactly("21");
    assertThat(texts(recurrence.at("/schedule/minutes"))).containsExactly("30");
    assertThat(texts(recurrence.at("/schedule/weekDays")))
        .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    JsonNode run = trigger.at("/properties/pipelines/0");
    assertThat(run.at("/pipelineReference/referenceName").asText())
        .isEqualTo("marketlambda-nightly");
    assertThat(run.at("/parameters/runDate").asText())
        .contains("convertFromUtc(trigger().scheduledTime, 'Eastern Standard Time')")
        .contains("'yyyy-MM-dd'");
    assertThat(linkedService().at("/properties/typeProperties/newClusterVersion").asText())
        .isEqualTo(RUNTIME);
  }

  @Test
  void databricksBundleDefinesTheSameJobOnOneClassicJobCluster() throws IOException {
    JsonNode bundle = YAML.readTree(AZURE.resolve("databricks/databricks.yml").toFile());
    JsonNode job = bundle.at("/resources/jobs/marketlambda_nightly");
    JsonNode cluster = job.at("/job_clusters/0");
    assertThat(cluster.at("/new_cluster/spark_version").asText()).isEqualTo(RUNTIME);
    assertThat(job.get("max_concurrent_runs").asInt()).isEqualTo(1);
    assertThat(job.at("/schedule/timezone_id").asText()).isEqualTo("America/New_York");
    assertThat(job.at("/parameters/0/name").asText()).isEqualTo("run_date");
    List<List<String>> steps = new ArrayList<>();
    String previous = null;
    for (JsonNode task : job.get("tasks")) {
      assertThat(task.get("job_cluster_key").asText())
          .isEqualTo(cluster.get("job_cluster_key").asText());
      if (previous != null) {
        assertThat(task.at("/depends_on/0/task_key").asText()).isEqualTo(previous);
      }
      previous = task.get("task_key").asText();
      assertThat(task.at("/libraries/0/jar").asText()).isEqualTo("${var.batch_jar}");
      List<String> parameters = texts(task.at("/spark_jar_task/parameters"));
      assertThat(parameters).contains("{{job.parameters.run_date}}");
      steps.add(signature(task.at("/spark_jar_task/main_class_name").asText(), parameters));
    }
    assertThat(steps).isEqualTo(oozieSteps());
    assertThat(bundle.at("/variables/batch_jar/default").asText()).endsWith("/" + batchJarName());
  }

  @Test
  void databricksScheduleStartsWhileTheUtcDateIsStillTheNewYorkDate() throws IOException {
    JsonNode bundle = YAML.readTree(AZURE.resolve("databricks/databricks.yml").toFile());
    String[] cron =
        bundle
            .at("/resources/jobs/marketlambda_nightly/schedule/quartz_cron_expression")
            .asText()
            .split(" ");
    LocalTime start = LocalTime.of(Integer.parseInt(cron[2]), Integer.parseInt(cron[1]));
    assertThat(start).isAfter(LocalTime.of(16, 0)); // after the close
    for (LocalDate day : List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 7, 15))) {
      assertThat(
              day.atTime(start)
                  .atZone(ZoneId.of("America/New_York"))
                  .withZoneSameInstant(ZoneOffset.UTC)
                  .toLocalDate())
          .as("{{job.start_time.iso_date}} on " + day)
          .isEqualTo(day);
    }
  }

  /** Main class, step, options and config keys, placeholders dropped: what must agree. */
  static List<String> signature(String mainClass, List<String> args) {
    List<String> signature = new ArrayList<>(List.of(mainClass));
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (i == 0 && !arg.startsWith("--")) {
        signature.add(arg);
      } else if (arg.startsWith("--")) {
        signature.add(arg);
        if (arg.equals("--conf")) {
          String setting = args.get(i + 1).replace("@concat('", "");
          signature.add(setting.substring(0, setting.indexOf('=')));
        }
      } else if (arg.contains("batch.serving-copy=")) {
        signature.add(arg);
      }
    }
    return signature;
  }

  private static List<List<String>> oozieSteps() throws IOException {
    try (InputStream in = NightlyApp.open(NightlyApp.WORKFLOW)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList actions =
          factory
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagNameNS("uri:oozie:spark-action:1.0", "spark");
      List<List<String>> steps = new ArrayList<>();
      for (int i = 0; i < actions.getLength(); i++) {
        Element spark = (Element) actions.item(i);
        List<String> args = new ArrayList<>();
        NodeList argNodes = spark.getElementsByTagNameNS("*", "arg");
        for (int a = 0; a < argNodes.getLength(); a++) {
          args.add(argNodes.item(a).getTextContent().strip());
        }
        String mainClass =
            spark.getElementsByTagNameNS("*", "class").item(0).getTextContent().strip();
        steps.add(signature(mainClass, args));
      }
      assertThat(steps).hasSize(4);
      assertThat(steps.get(0)).containsSubsequence("--conf", LakeConfig.ROOT.name());
      return steps;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String batchJarName() throws IOException {
    String batchJar = null;
    try (InputStream in = NightlyApp.open(NightlyApp.JOB_PROPERTIES)) {
      java.util.Properties job = new java.util.Properties();
      job.load(in);
      batchJar = job.getProperty("batchJar");
    }
    return batchJar.substring(batchJar.lastIndexOf('/') + 1);
  }

  private static JsonNode linkedService() throws IOException {
    return JSON.readTree(
        Files.readString(AZURE.resolve("adf/linkedService-marketlambda-databricks.json")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
