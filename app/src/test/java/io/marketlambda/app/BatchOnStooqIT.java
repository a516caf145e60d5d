package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole Stooq set of 96 US symbols' daily bars (20+ years, read from ../shared/data, never
 * copied) through {@code marketlambda import} and {@code marketlambda batch}, on local disk and on
 * the local stack's HDFS: every row of the files is either in the batch views or in the quarantine,
 * IBM's weekly bars equal the aggregates of its file's days worked out here, and each symbol's
 * batch watermark is the New York midnight after its last day.
 */
@ExtendWith(LocalStackExtension.class)
class BatchOnStooqIT {
  private static final Path STOOQ = SharedData.resolve("stooq-daily-us");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @Test
  void recomputesTheStooqSetOnLocalDisk(@TempDir Path directory) throws IOException {
    String lake = directory.resolve("lake").toString();
    Path quarantine = directory.resolve("quarantine.jsonl");

    importAndRun(lake, quarantine);

    assertEveryRowIsInTheViewsOrTheQuarantine(lake, quarantine);
    assertIbmWeeksAreTheAggregatesOfItsDays(lake);
  }

  @Test
  void recomputesTheStooqSetOnHdfs(LocalStackEndpoints endpoints, @TempDir Path directory)
      throws IOException {
    String lake = endpoints.hdfsUri() + "/it/batch-on-stooq/lake";
    Path quarantine = directory.resolve("quarantine.jsonl");

    importAndRun(lake, quarantine);

    assertEveryRowIsInTheViewsOrTheQuarantine(lake, quarantine);
  }

  private static void importAndRun(String lake, Path quarantine) {
    run(
        "import",
        "--source",
        "stooq-daily",
        "--path",
        STOOQ.toString(),
        "--quarantine",
        quarantine.toString(),
        "--conf",
        "lake.root=" + lake);
    run("batch", "--run-date", RUN_DATE.toString(), "--conf", "lake.root=" + lake);
  }

  private static void assertEveryRowIsInTheViewsOrTheQuarantine(String lake, Path quarantine)
      throws IOException {
    long fileRows = 0;
    Map<String, LocalDate> lastDay = new TreeMap<>();
    try (Stream<Path> files = Files.list(STOOQ)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".us.txt")).toList()) {
        List<String> lines = Files.readAllLines(file);
        fileRows += lines.size() - 1;
        String[] last = lines.get(lines.size() - 1).split(",");
        lastDay.put(
            last[0].replace(".US", "").replace('-', '.'),
            LocalDate.parse(last[2], DateTimeFormatter.BASIC_ISO_DATE));
      }
    }
    long quarantined = Files.readAllLines(quarantine).size();
    SparkSession spark = SparkSession.active();
    long daily = spark.read().format("delta").load(lake + "/gold/bars_daily").count();

    assertThat(daily + quarantined).isEqualTo(fileRows);
    Row run =
        spark
            .read()
            .format("delta")
            .load(lake + "/batch_runs")
            .orderBy("finished_at")
            .collectAsList()
            .get(0);
    Map<String, Timestamp> watermarks = run.getJavaMap(run.fieldIndex("watermarks"));
    assertThat(watermarks).hasSize(96);
    assertThat(watermarks.get("IBM").toInstant())
        .isEqualTo(lastDay.get("IBM").plusDays(1).atStartOfDay(NEW_YORK).toInstant());
  }

  private static void assertIbmWeeksAreTheAggregatesOfItsDays(String lake) throws IOException {
    Map<LocalDate, List<double[]>> weeks = new TreeMap<>();
    List<String> lines = Files.readAllLines(STOOQ.resolve("ibm.us.txt"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      LocalDate date = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
      weeks
          .computeIfAbsent(
              date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
              monday -> new ArrayList<>())
          .add(
              new double[] {
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8])
              });
    }
    List<Row> bars =
        SparkSession.active()
            .read()
            .format("delta")
            .load(lake + "/gold/bars_weekly")
            .filter("symbol = 'IBM'")
            .orderBy("bar_start")
            .collectAsList();

    assertThat(bars).hasSize(weeks.size());
    int i = 0;
    for (Map.Entry<LocalDate, List<double[]>> week : weeks.entrySet()) {
      Row bar = bars.get(i++);
      List<double[]> days = week.getValue();
      assertThat(bar.<Timestamp>getAs("bar_start").toInstant())
          .isEqualTo(week.getKey().atStartOfDay(NEW_YORK).toInstant());
      assertThat(bar.<Double>getAs("open_usd")).isEqualTo(days.get(0)[0]);
      assertThat(bar.<Double>getAs("high_usd"))
          .isEqualTo(days.stream().mapToDouble(d -> d[1]).max().orElseThrow());
      assertThat(bar.<Double>getAs("low_usd"))
          .isEqualTo(days.stream().mapToDouble(d -> d[2]).min().orElseThrow());
      assertThat(bar.<Double>getAs("close_usd")).isEqualTo(days.get(days.size() - 1)[3]);
      assertThat(bar.<Double>getAs("volume_shares"))
          .isCloseTo(days.stream().mapToDouble(d -> d[4]).sum(), within(1e-3));
    }
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    assertThat(exit).as("%s%n%s%n%s", String.join(" ", args), out, err).isZero();
  }
}
