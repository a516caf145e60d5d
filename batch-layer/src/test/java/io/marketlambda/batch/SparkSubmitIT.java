package io.marketlambda.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.batch.run.BatchRuns;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.testing.LocalSpark;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code batch-layer-<version>-spark.jar} run the way a cluster runs it: Spark's own
 * {@code org.apache.spark.deploy.SparkSubmit} (what the {@code spark-submit} script calls) in a
 * child JVM whose class path holds Spark, Hadoop's client and Delta (what a Spark distribution plus
 * {@code --packages io.delta:delta-spark_2.12:3.3.3} provides) and none of our classes: they come
 * from the application jar alone.
 */
class SparkSubmitIT {
  private static final LocalDate RUN_DATE = LocalDate.of(2013, 10, 4);

  @Test
  void theShadedJarRunsTheNightlyBatchUnderSparkSubmit(@TempDir Path root) throws Exception {
    SparkSession spark = LocalSpark.session();
    LakeLayout lake = LakeLayout.of(root.toString());
    LeanDaily ibm = LeanDaily.read("IBM").upTo(RUN_DATE);
    new BronzeImport(spark, lake, Clock.systemUTC(), line -> {})
        .importBars("lean-daily", ibm.lineageBars().iterator());

    Path applicationJar = shadedJar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                arg ->
                    arg.startsWith("--add-opens")
                        || arg.startsWith("-XX:+IgnoreUnrecognized")
                        || arg.startsWith("-Djdk.reflect"))
            .toList());
    command.addAll(
        List.of(
            "-Xmx1g", "-cp", sparkDistributionClassPath(), "org.apache.spark.deploy.SparkSubmit"));
    command.addAll(
        List.of(
            "--master",
            "local[2]",
            "--class",
            "io.marketlambda.batch.BatchApplication",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--conf",
            "spark.driver.host=localhost",
            applicationJar.toString(),
            "--run-date",
            RUN_DATE.toString(),
            "--conf",
            "lake.root=" + root));
    Path log = root.resolve("spark-submit.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(8, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    // The run's record and its daily bars, read back in this JVM: one bar per Lean day.
    Row run = BatchRuns.latest(spark, lake).orElseThrow();
    assertThat(run.getAs("run_date").toString()).isEqualTo(RUN_DATE.toString());
    long bars =
        spark
            .read()
            .format("delta")
            .load(lake.table(LakeTable.GOLD_BARS_DAILY).toString())
            .filter("symbol = 'IBM'")
            .count();
    assertThat(bars).isEqualTo(ibm.days().size());
  }

  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(path -> path.getFileName().toString().matches("batch-layer-.*-spark\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "No target/batch-layer-*-spark.jar: run the package phase first"));
    }
  }

  /** This JVM's class path without our modules: Spark, Hadoop client, Delta and their libraries. */
  private static String sparkDistributionClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains(File.separator + "target" + File.separator))
        .filter(entry -> !entry.contains("io" + File.separator + "marketlambda"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
