package io.marketlambda.oozie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Submit and status against a loopback server speaking Oozie's REST protocol v2. */
class OozieJobsTest {
  private final LocalOozieServer server = new LocalOozieServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void submitPostsTheJobPropertiesAsAHadoopConfigurationAndStartsTheJob(@TempDir Path dir) {
    JobProperties job = filledTemplate(dir).withOverrides(List.of("user.name=etl"));

    String id = new OozieJobs(server.url()).run(job);

    assertThat(id).isEqualTo(LocalOozieServer.JOB_ID);
    LocalOozieServer.Request submit =
        server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(submit.path()).isEqualTo("/oozie/v2/jobs");
    // The REST call's user is the client's; the job's user is the property.
    assertThat(submit.query())
        .contains("action=start")
        .contains("user=" + System.getProperty("user.name"));
    assertThat(submit.contentType()).startsWith("application/xml");
    Map<String, String> sent = configuration(submit.body());
    assertThat(sent)
        .containsEntry("oozie.coord.application.path", "${appDir}")
        .containsEntry("appDir", "${appRoot}/oozie/nightly")
        .containsEntry("appRoot", "${nameNode}/marketlambda")
        .containsEntry("nameNode", "hdfs://namenode:8020")
        .containsEntry("resourceManager", "resourcemanager:8032")
        .containsEntry("start", "2026-01-06T02:30Z")
        .containsEntry("user.name", "etl")
        .containsEntry("oozie.use.system.libpath", "true");
    assertThat(sent.get("batchJar")).matches("\\$\\{appDir}/lib/batch-layer-.+-spark\\.jar");
  }

  @Test
  void templateValuesLeftAreRefusedBeforeAnythingIsSent(@TempDir Path dir) {
    JobProperties template = JobProperties.load(NightlyApp.copyTo(dir).get(2));

    assertThatThrownBy(() -> new OozieJobs(server.url()).run(template))
        .isInstanceOf(OozieException.class)
        .hasMessageContaining("property nameNode=hdfs://<namenode-host>:8020")
        .hasMessageContaining("template value");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void withoutAnApplicationPathNothingIsSent() {
    JobProperties job = new JobProperties(Map.of("nameNode", "hdfs://namenode:8020"));

    assertThatThrownBy(() -> new OozieJobs(server.url()).run(job))
        .isInstanceOf(OozieException.class)
        .hasMessage(
            "Cannot submit the job: none of [oozie.coord.application.path,"
                + " oozie.wf.application.path, oozie.bundle.application.path] is set in the"
                + " properties");
  }

  @Test
  void aRefusalReportsTheServersErrorCodeAndMessage() {
    server.refuseSubmissions("XML schema error, cvc-complex-type.2.4.a");
    JobProperties job =
        new JobProperties(Map.of("oozie.wf.application.path", "hdfs://namenode:8020/app"));

    assertThatThrownBy(() -> new OozieJobs(server.url()).run(job))
        .isInstanceOf(OozieException.class)
        .hasMessageStartingWith("Cannot submit the job at " + server.url() + ": E0701")
        .hasMessageContaining("XML schema error, cvc-complex-type.2.4.a");
  }

  @Test
  void statusReadsTheJobsStatus() {
    OozieJobs jobs = new OozieJobs(server.url());

    assertThat(jobs.status(LocalOozieServer.JOB_ID)).isEqualTo("RUNNING");
    assertThat(server.requests())
        .anyMatch(
            r ->
                r.path().equals("/oozie/v2/job/" + LocalOozieServer.JOB_ID)
                    && r.query().equals("show=status"));
    assertThatThrownBy(() -> jobs.status("0000001-000000000000000-oozie-oozi-W"))
        .isInstanceOf(OozieException.class)
        .hasMessageContaining("E0604")
        .hasMessageContaining("0000001-000000000000000-oozie-oozi-W");
  }

  @Test
  void oneRunReplacesTheCoordinatorByTheWorkflowForThatDate(@TempDir Path dir) {
    JobProperties job = filledTemplate(dir).forOneRun(java.time.LocalDate.of(2026, 7, 2));

    new OozieJobs(server.url()).run(job);

    Map<String, String> sent = configuration(server.requests().get(1).body());
    assertThat(sent)
        .doesNotContainKey("oozie.coord.application.path")
        .containsEntry("oozie.wf.application.path", "${workflowPath}")
        .containsEntry("runDate", "2026-07-02")
        // 21:30 EDT (UTC-4) on 2 July 2026
        .containsEntry("nominalTime", "2026-07-03T01:30Z");
  }

  @Test
  void overrideWithoutEqualsIsRefused() {
    assertThatThrownBy(() -> new JobProperties(Map.of()).withOverrides(List.of("nameNode")))
        .isInstanceOf(OozieException.class)
        .hasMessage("Cannot read property 'nameNode': expected key=value");
  }

  /** The shipped job.properties with the template values filled in. */
  private static JobProperties filledTemplate(Path dir) {
    return JobProperties.load(NightlyApp.copyTo(dir).get(2))
        .withOverrides(
            List.of(
                "nameNode=hdfs://namenode:8020",
                "resourceManager=resourcemanager:8032",
                "slaContact=ops@example.com"));
  }

  /** The {@code <configuration><property><name/><value/>} document OozieClient sends. */
  private static Map<String, String> configuration(String xml) {
    try {
      Element root =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("configuration");
      Map<String, String> values = new LinkedHashMap<>();
      NodeList properties = root.getElementsByTagName("property");
      for (int i = 0; i < properties.getLength(); i++) {
        Element property = (Element) properties.item(i);
        values.put(
            property.getElementsByTagName("name").item(0).getTextContent(),
            property.getElementsByTagName("value").item(0).getTextContent());
      }
      return values;
    } catch (Exception e) {
      throw new AssertionError("Cannot parse the submitted configuration: " + xml, e);
    }
  }
}
