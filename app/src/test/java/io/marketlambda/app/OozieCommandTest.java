package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.NightlyStepApplication;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.layout.DeclaredLayout;
import io.marketlambda.layout.LayoutEntry;
import io.marketlambda.oozie.NightlyApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code marketlambda oozie}, and the nightly app against the classes of the distribution: its main
 * classes, steps and config keys resolve, and its paths are the declared layout's.
 */
class OozieCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void validateAcceptsTheShippedAppAndReportsABrokenCopyByFileAndLine(@TempDir Path dir)
      throws IOException {
    assertThat(run("oozie", "validate")).isZero();
    assertThat(out.toString()).contains("the shipped app is valid: coordinator.xml, workflow.xml");

    assertThat(run("oozie", "write-app", "--to", dir.toString())).isZero();
    Path workflow = dir.resolve("workflow.xml");
    Files.writeString(
        workflow,
        Files.readString(workflow).replace("<master>", "<mastr>").replace("</master>", "</mastr>"));
    assertThat(run("oozie", "validate", "--app-dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("workflow.xml:").contains("mastr").contains("4 problems");
  }

  @Test
  void submittingTheUnfilledTemplateFailsInOneLineNamingTheProperty(@TempDir Path dir) {
    run("oozie", "write-app", "--to", dir.toString());

    int exit = submit(dir, "--conf", "nameNode=hdfs://namenode:8020");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "marketlambda oozie submit: Cannot submit the job: property"
                + " resourceManager=<resourcemanager-host>:8032 still holds a template value; set"
                + " it in the file or with --conf");
  }

  @Test
  void withVerboseTheFailureLineIsFollowedByItsStackTrace(@TempDir Path dir) {
    run("oozie", "write-app", "--to", dir.toString());

    int exit = submit(dir, "--verbose");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("marketlambda oozie submit: Cannot submit the job: property")
        .contains("\tat io.marketlambda.");
  }

  @Test
  void workflowRunsMainClassesAndStepsOfTheDistribution() throws Exception {
    String workflow = read(NightlyApp.WORKFLOW);
    Matcher action =
        Pattern.compile("<class>([^<]+)</class>.*?<arg>([^<]+)</arg>", Pattern.DOTALL)
            .matcher(workflow);
    int actions = 0;
    while (action.find()) {
      actions++;
      Method main = Class.forName(action.group(1)).getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).as(action.group(1)).isTrue();
      if (action.group(1).equals(NightlyStepApplication.class.getName())) {
        assertThat(NightlyStepApplication.STEPS).contains(action.group(2));
      }
    }
    assertThat(actions).isEqualTo(4);
    assertThat(workflow)
        .contains("<arg>" + LakeConfig.ROOT.name() + "=${lakeRoot}</arg>")
        .contains("<arg>" + BatchConfig.SERVING_COPY.name() + "=false</arg>");
  }

  @Test
  void jobPropertiesUseTheDeclaredLayout() throws IOException {
    Properties job = new Properties();
    try (InputStream in = NightlyApp.open(NightlyApp.JOB_PROPERTIES)) {
      job.load(in);
    }
    assertThat(job.getProperty("appRoot")).isEqualTo("${nameNode}/marketlambda");
    String appRoot = "marketlambda";
    assertThat(job.getProperty("lakeRoot").replace("${appRoot}", appRoot))
        .isEqualTo(DeclaredLayout.LAKE_ROOT);
    assertThat(job.getProperty("appDir").replace("${appRoot}", appRoot))
        .isEqualTo(DeclaredLayout.OOZIE_NIGHTLY);
    String configDirectory =
        job.getProperty("configFile").replace("${appRoot}", appRoot).replaceAll("/[^/]+$", "");
    assertThat(DeclaredLayout.load().entries())
        .extracting(LayoutEntry::path)
        .contains(configDirectory, DeclaredLayout.OOZIE_NIGHTLY + "/lib");
    assertThat(job.getProperty("batchJar")).startsWith("${appDir}/lib/");
  }

  /** {@code oozie submit} of the app written to {@code dir}, to an Oozie that is not there. */
  private int submit(Path dir, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "oozie",
                "submit",
                "--oozie-url",
                "http://127.0.0.1:9/oozie",
                "--config",
                dir.resolve("job.properties").toString()));
    args.addAll(java.util.List.of(more));
    return run(args.toArray(String[]::new));
  }

  private int run(String... args) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static String read(String file) throws IOException {
    try (InputStream in = NightlyApp.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
