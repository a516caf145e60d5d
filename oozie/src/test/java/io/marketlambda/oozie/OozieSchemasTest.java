package io.marketlambda.oozie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped coordinator and workflow against the XSDs inside oozie-client 5.2.1. */
class OozieSchemasTest {
  private static final OozieSchemas SCHEMAS = OozieSchemas.load();

  @Test
  void shippedApplicationValidates() {
    assertThat(NightlyApp.validate(null)).isEmpty();
  }

  @Test
  void sparkActionWithoutJarIsReportedWithFileAndLine() throws IOException {
    String workflow = read(NightlyApp.WORKFLOW);
    String broken = workflow.replaceFirst("<jar>\\$\\{batchJar}</jar>", "");

    assertThat(SCHEMAS.validate("workflow.xml", stream(broken)))
        .singleElement()
        .asString()
        .startsWith("workflow.xml:")
        .contains("spark-opts")
        .contains("jar");
  }

  @Test
  void slaWithoutShouldEndIsReported() throws IOException {
    String coordinator = read(NightlyApp.COORDINATOR);
    String broken =
        coordinator.replaceFirst("<sla:should-end>\\$\\{180 \\* MINUTES}</sla:should-end>", "");

    assertThat(SCHEMAS.validate("coordinator.xml", stream(broken)))
        .singleElement()
        .asString()
        .contains("coordinator.xml:")
        .contains("should-end");
  }

  @Test
  void workflowOfAnUnknownVersionIsRejected() throws IOException {
    String workflow =
        read(NightlyApp.WORKFLOW).replace("uri:oozie:workflow:1.0", "uri:oozie:workflow:9.9");

    assertThat(SCHEMAS.validate("workflow.xml", stream(workflow)))
        .singleElement()
        .asString()
        .contains("workflow-app");
  }

  @Test
  void appDirectoryOnDiskIsValidatedFileByFile(@TempDir Path dir) throws IOException {
    NightlyApp.copyTo(dir);
    assertThat(NightlyApp.validate(dir)).isEmpty();

    Files.writeString(
        dir.resolve(NightlyApp.WORKFLOW),
        read(NightlyApp.WORKFLOW)
            .replace("<ok to=\"verify\"/>", "<ok to=\"verify\"/><ok to=\"end\"/>"));
    assertThat(NightlyApp.validate(dir)).hasSize(1).allMatch(p -> p.startsWith("workflow.xml:"));
  }

  static String read(String file) throws IOException {
    try (InputStream in = NightlyApp.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
