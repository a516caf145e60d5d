package io.marketlambda.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LocalSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run on a Delta lake on local disk, fed the real Lean daily bars of IBM and AAPL (with
 * AAPL's two splits): a rerun changes nothing, a run killed midway leaves the last complete run
 * readable, a run started while another is under way is refused, and a past bronze version
 * reproduces a past run.
 */
class BatchJobTest {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchJobTest.class);
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate RUN_DATE = LocalDate.of(2013, 10, 4);

  @Test
  void reimportAndRerunChangeNothingAndAKilledRunLeavesTheLastOneReadable(@TempDir Path root) {
    LakeLayout lake = LakeLayout.of(root.toString());
    BronzeImport bronze = new BronzeImport(spark, lake, Clock.systemUTC(), line -> {});
    BronzeImport.Result imported = bronze.importBars("lean-daily", bars("IBM", "AAPL"));
    bronze.importCorporateActions(
        "lean",
        List.of(
                new BronzeImport.LineageAction(
                    CorporateAction.split(Symbol.of("AAPL"), LocalDate.of(2005, 2, 28), 2, "lean"),
                    "aapl.csv",
                    1),
                new BronzeImport.LineageAction(
                    CorporateAction.split(Symbol.of("AAPL"), LocalDate.of(2014, 6, 9), 7, "lean"),
                    "aapl.csv",
                    2))
            .iterator());
    assertThat(imported.inserted()).isEqualTo(imported.offered()).isPositive();
    assertThat(bronze.importBars("lean-daily", bars("IBM", "AAPL")).inserted()).isZero();

    BatchJob.Run first = job(lake, LOG::info, true).run(RUN_DATE, OptionalLong.empty());
    Map<LakeTable, List<Row>> views = snapshot(lake);
    assertThat(first.watermarks())
        .containsEntry("IBM", Instant.parse("2013-10-05T04:00:00Z"))
        .containsEntry("AAPL", Instant.parse("2013-10-05T04:00:00Z"));
    assertThat(views.get(LakeTable.GOLD_BARS_DAILY)).isNotEmpty();
    assertThat(views.get(LakeTable.GOLD_BARS_WEEKLY)).isNotEmpty();
    // No bar after the run date, though the files go on.
    assertThat(first.rowCounts().get("gold.bars_daily"))
        .isEqualTo(
            LeanDaily.read("IBM").days().stream().filter(d -> !d.date().isAfter(RUN_DATE)).count()
                + LeanDaily.read("AAPL").days().stream()
                    .filter(d -> !d.date().isAfter(RUN_DATE))
                    .count());

    BatchJob.Run second = job(lake, LOG::info).run(RUN_DATE, OptionalLong.empty());
    assertThat(snapshot(lake)).isEqualTo(views);
    assertThat(second.watermarks()).isEqualTo(first.watermarks());

    BatchJob killed =
        job(
            lake,
            line -> {
              if (line.contains("gold.bars_weekly")) {
                throw new IllegalStateException("killed");
              }
            });
    assertThatThrownBy(() -> killed.run(LocalDate.of(2013, 9, 30), OptionalLong.empty()))
        .hasMessage("killed");
    Row lastRun = BatchRuns.latest(spark, lake).orElseThrow();
    assertThat(lastRun.<String>getAs(BatchRunColumns.RUN_ID)).isEqualTo(second.runId());
    assertThat(root.resolve("_locks")).as("a failed run releases its lock").isEmptyDirectory();
    Map<String, Long> versions = second.tableVersions();
    for (LakeTable table : BatchJob.GOLD) {
      assertThat(sorted(BatchRuns.read(spark, lake, table, versions)))
          .as(table.qualifiedName())
          .isEqualTo(views.get(table));
    }
  }

  @Test
  void aRunStartedWhileAnotherIsUnderWayFailsNamingItAndWritesNothing(@TempDir Path root)
      throws Exception {
    LakeLayout lake = LakeLayout.of(root.toString());
    new BronzeImport(spark, lake, Clock.systemUTC(), line -> {})
        .importBars("lean-daily", bars("IBM"));
    java.util.concurrent.CountDownLatch midway = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
    BatchJob first =
        job(
            lake,
            line -> {
              if (line.contains("gold.bars_weekly")) {
                midway.countDown();
                await(goOn);
              }
            });
    java.util.concurrent.CompletableFuture<BatchJob.Run> firstRun =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> first.run(RUN_DATE, OptionalLong.empty()));
    await(midway);

    assertThatThrownBy(() -> job(lake, line -> {}).run(RUN_DATE, OptionalLong.empty()))
        .isInstanceOf(BatchRunLockedException.class)
        .hasMessageContaining("holds the lock " + "file:" + root.resolve("_locks/batch-run.lock"))
        .hasMessageContaining("run " + RUN_DATE + "-");
    goOn.countDown();
    BatchJob.Run run = firstRun.get(5, java.util.concurrent.TimeUnit.MINUTES);

    assertThat(spark.read().format("delta").load(lake.batchRuns().toString()).count()).isEqualTo(1);
    assertThat(BatchRuns.latest(spark, lake).orElseThrow().<String>getAs(BatchRunColumns.RUN_ID))
        .isEqualTo(run.runId());
    assertThat(root.resolve("_locks")).isEmptyDirectory();
  }

  @Test
  void aPastBronzeVersionReproducesAPastRun(@TempDir Path root) {
    LakeLayout lake = LakeLayout.of(root.toString());
    BronzeImport bronze = new BronzeImport(spark, lake, Clock.systemUTC(), line -> {});
    bronze.importBars("lean-daily", bars("IBM"));
    BatchJob.Run ibmOnly = job(lake, LOG::info).run(RUN_DATE, OptionalLong.empty());
    long ibmVersion = ibmOnly.bronzeVersions().get("bronze.bars");
    bronze.importBars("lean-daily", bars("SPY"));

    BatchJob.Run both = job(lake, LOG::info).run(RUN_DATE, OptionalLong.empty());
    BatchJob.Run reproduced = job(lake, LOG::info).run(RUN_DATE, OptionalLong.of(ibmVersion));

    assertThat(both.watermarks()).containsKeys("IBM", "SPY");
    assertThat(reproduced.watermarks()).isEqualTo(ibmOnly.watermarks());
    assertThat(reproduced.rowCounts()).isEqualTo(ibmOnly.rowCounts());
  }

  @Test
  void vacuumRunsWhenDueAndAFullRewriteIsNotCompacted(@TempDir Path root) {
    LakeLayout lake = LakeLayout.of(root.toString());
    new BronzeImport(spark, lake, Clock.systemUTC(), line -> {})
        .importBars("lean-daily", bars("IBM"));
    BatchConfig config =
        BatchConfig.lakeOnly(new LakeConfig(lake), 5, true, Duration.ofDays(7)); // every 7 days
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    new BatchJob(spark, config, Clock.systemUTC(), lines::add).run(RUN_DATE, OptionalLong.empty());
    List<String> first = List.copyOf(lines);
    lines.clear();
    new BatchJob(spark, config, Clock.systemUTC(), lines::add).run(RUN_DATE, OptionalLong.empty());
    List<String> second = List.copyOf(lines);
    lines.clear();
    Clock eightDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(8));
    new BatchJob(spark, config, eightDaysOn, lines::add).run(RUN_DATE, OptionalLong.empty());
    List<String> third = List.copyOf(lines);

    assertThat(first).anyMatch(line -> line.contains("VACUUM"));
    assertThat(second).noneMatch(line -> line.contains("VACUUM"));
    assertThat(third).anyMatch(line -> line.contains("VACUUM"));
    assertThat(first).noneMatch(line -> line.contains("OPTIMIZE"));
    List<Row> runs =
        spark
            .read()
            .format("delta")
            .load(lake.batchRuns().toString())
            .orderBy(BatchRunColumns.STARTED_AT)
            .collectAsList();
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).isNullAt(runs.get(0).fieldIndex(BatchRunColumns.VACUUMED_AT))).isFalse();
    assertThat(runs.get(1).isNullAt(runs.get(1).fieldIndex(BatchRunColumns.VACUUMED_AT))).isTrue();
    assertThat(runs.get(2).isNullAt(runs.get(2).fieldIndex(BatchRunColumns.VACUUMED_AT))).isFalse();
    // Statistics on the leading keys only; gold tables keep their change data feed.
    Row detail =
        io.delta.tables.DeltaTable.forPath(spark, lake.table(LakeTable.GOLD_BARS_DAILY).toString())
            .detail()
            .first();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertThat(properties)
        .containsEntry("delta.dataSkippingNumIndexedCols", "3")
        .containsEntry("delta.enableChangeDataFeed", "true");
    // A full rewrite leaves one clustered file per shuffle partition at most, nothing to compact.
    long files =
        spark
            .read()
            .format("delta")
            .load(lake.table(LakeTable.GOLD_BARS_DAILY).toString())
            .inputFiles()
            .length;
    assertThat(files)
        .isBetween(1L, Long.parseLong(spark.conf().get("spark.sql.shuffle.partitions")));
  }

  @Test
  void anEmptyLakeNamesTheImport(@TempDir Path root) {
    assertThatThrownBy(
            () ->
                job(LakeLayout.of(root.toString()), line -> {}).run(RUN_DATE, OptionalLong.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no bronze.bars table")
        .hasMessageContaining("marketlambda import");
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      assertThat(latch.await(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Without OPTIMIZE (it changes files, not rows), but for the first run of the first test. */
  private static BatchJob job(LakeLayout lake, java.util.function.Consumer<String> progress) {
    return job(lake, progress, false);
  }

  private static BatchJob job(
      LakeLayout lake, java.util.function.Consumer<String> progress, boolean optimize) {
    return new BatchJob(
        spark,
        BatchConfig.lakeOnly(new LakeConfig(lake), 5, optimize, Duration.ZERO),
        Clock.systemUTC(),
        progress);
  }

  private static Iterator<BronzeImport.LineageBar> bars(String... symbols) {
    List<BronzeImport.LineageBar> bars = new ArrayList<>();
    for (String symbol : symbols) {
      bars.addAll(LeanDaily.read(symbol).lineageBars());
    }
    return bars.iterator();
  }

  private static Map<LakeTable, List<Row>> snapshot(LakeLayout lake) {
    Map<LakeTable, List<Row>> views = new java.util.EnumMap<>(LakeTable.class);
    for (LakeTable table : BatchJob.GOLD) {
      views.put(table, sorted(spark.read().format("delta").load(lake.table(table).toString())));
    }
    return views;
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    String[] columns = rows.columns();
    return rows.orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length))
        .collectAsList();
  }
}
