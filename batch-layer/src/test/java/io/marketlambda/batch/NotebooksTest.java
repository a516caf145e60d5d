package io.marketlambda.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.lake.Layer;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SQL cell of the Databricks notebooks in {@code ../notebooks} on local Spark, against batch
 * views the nightly job computed from the real Lean daily bars of IBM and AAPL up to 2013-10-04.
 * {@code CREATE WIDGET} cells are Databricks-only: they declare the notebook's parameters, whose
 * {@code ${name}} uses the test fills in. Also runs the nightly verify step on that lake.
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = Path.of("..", "notebooks");
  private static final LocalDate RUN_DATE = LocalDate.of(2013, 10, 4);
  private static final String CELL = "\n-- COMMAND ----------\n";
  private static final Pattern WIDGET =
      Pattern.compile("CREATE WIDGET TEXT (\\w+) DEFAULT '([^']*)'");
  private static final SparkSession spark = LocalSpark.session();

  @TempDir static Path root;
  private static final Map<String, List<Row>> results = new LinkedHashMap<>();

  @BeforeAll
  static void runTheNightlyJobAndEveryNotebook() throws IOException {
    LakeLayout lake = LakeLayout.of(root.toString());
    BronzeImport bronze = new BronzeImport(spark, lake, Clock.systemUTC(), line -> {});
    List<BronzeImport.LineageBar> bars = new ArrayList<>(LeanDaily.read("IBM").lineageBars());
    bars.addAll(LeanDaily.read("AAPL").lineageBars());
    bronze.importBars("lean-daily", bars.iterator());
    bronze.importSymbols(
        "sp500-constituents",
        List.of(
                new BronzeImport.LineageSymbol(
                    Symbol.of("IBM"), "IBM", "Information Technology", "IT Services", "c.csv", 2),
                new BronzeImport.LineageSymbol(
                    Symbol.of("AAPL"),
                    "Apple Inc.",
                    "Information Technology",
                    "Hardware",
                    "c.csv",
                    3))
            .iterator());
    new BatchJob(
            spark,
            BatchConfig.lakeOnly(new LakeConfig(lake), 5, false, Duration.ZERO),
            Clock.systemUTC(),
            line -> {})
        .run(RUN_DATE, OptionalLong.empty());

    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      for (Path notebook : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        run(notebook, Map.of("lake_root", lake.root().toString()));
      }
    }
  }

  @AfterAll
  static void dropTheRegisteredTables() {
    spark.sql("DROP SCHEMA IF EXISTS gold CASCADE");
  }

  @Test
  void setupRegistersEveryGoldTableOfTheLakeLayout() throws IOException {
    String setup = Files.readString(NOTEBOOKS.resolve("00_setup.sql"));
    for (LakeTable table : LakeTable.values()) {
      if (table.layer() == Layer.GOLD) {
        assertThat(setup)
            .contains(
                "CREATE TABLE IF NOT EXISTS "
                    + table.qualifiedName()
                    + " USING DELTA LOCATION '${lake_root}/gold/"
                    + table.tableName()
                    + "'");
      }
    }
    assertThat(result("The last nightly run"))
        .singleElement()
        .satisfies(
            run -> assertThat(run.<Date>getAs("run_date").toLocalDate()).isEqualTo(RUN_DATE));
  }

  @Test
  void everyQueryCellReturnsRows() {
    assertThat(results).hasSizeGreaterThanOrEqualTo(9);
    results.forEach((cell, rows) -> assertThat(rows).as(cell).isNotEmpty());
  }

  @Test
  void symbolNotebookShowsIbmsBarsUpToTheRunDateAtTheirTradedClose() {
    List<Row> daily = result("Daily bars, last 30 trading days");
    assertThat(daily).hasSize(30);
    Row last = daily.get(0);
    assertThat(last.<Date>getAs("trading_date").toLocalDate()).isEqualTo(RUN_DATE);
    // No split or dividend after the last date: adjusted close = Lean's traded close.
    assertThat(last.<Double>getAs("close_usd"))
        .isCloseTo(LeanDaily.read("IBM").on(RUN_DATE).close(), within(1e-6));
    long lastYear =
        LeanDaily.read("IBM").days().stream()
            .filter(d -> d.date().isAfter(RUN_DATE.minusDays(365)) && !d.date().isAfter(RUN_DATE))
            .count();
    assertThat(
            result("Chart: close with its 50- and 200-day averages and Bollinger bands, last year"))
        .hasSize((int) lastYear);
  }

  @Test
  void marketNotebookShowsTheRunDatesMoversAndSector() {
    LeanDaily ibm = LeanDaily.read("IBM");
    double ibmChange = ibm.on(RUN_DATE).close() / ibm.on(RUN_DATE.minusDays(1)).close() - 1;
    assertThat(result("Top movers on the latest trading date"))
        .anySatisfy(
            row -> {
              assertThat(row.<String>getAs("symbol")).isEqualTo("IBM");
              assertThat(row.<Double>getAs("change_1d")).isCloseTo(ibmChange, within(1e-9));
              assertThat(row.<String>getAs("direction"))
                  .isEqualTo(ibmChange > 0 ? "gainer" : "loser");
            });
    assertThat(result("Sector summary on the latest trading date"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.<String>getAs("sector")).isEqualTo("Information Technology");
              assertThat(row.<Long>getAs("symbols")).isEqualTo(2);
            });
  }

  @Test
  void verifyStepPassesForTheRunDateAndNamesTheLastRunOtherwise() {
    String lakeRoot = "lake.root=" + LakeLayout.of(root.toString()).root();
    NightlyStepApplication.main(
        new String[] {"verify", "--run-date", RUN_DATE.toString(), "--conf", lakeRoot});

    assertThatThrownBy(
            () ->
                NightlyStepApplication.main(
                    new String[] {"verify", "--run-date", "2013-10-07", "--conf", lakeRoot}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot verify the run of 2013-10-07: the last run is of 2013-10-04; run the batch");
    assertThatThrownBy(() -> NightlyStepApplication.main(new String[] {"recompute"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Invalid value for <step>: 'recompute', expected one of [land, export-serving-copy,"
                + " verify]")
        .hasMessageContaining("Usage: NightlyStepApplication");
  }

  /** The rows of the cell whose first comment line starts with {@code title}. */
  private static List<Row> result(String title) {
    return results.entrySet().stream()
        .filter(e -> e.getKey().substring(e.getKey().indexOf('#') + 1).startsWith(title))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell '" + title + "' in " + results.keySet()));
  }

  /** Runs a notebook's cells in order; keeps query results by notebook and first comment line. */
  private static void run(Path notebook, Map<String, String> parameters) throws IOException {
    String source = Files.readString(notebook);
    assertThat(source).startsWith("-- Databricks notebook source\n");
    Map<String, String> values = new LinkedHashMap<>();
    for (String cell : source.substring(source.indexOf('\n') + 1).split(Pattern.quote(CELL))) {
      List<String> lines =
          Arrays.stream(cell.strip().split("\n")).filter(l -> !l.startsWith("-- MAGIC")).toList();
      String sql = String.join("\n", lines).strip();
      if (sql.isEmpty()) {
        continue;
      }
      Matcher widget = WIDGET.matcher(sql);
      if (widget.matches()) {
        values.put(widget.group(1), parameters.getOrDefault(widget.group(1), widget.group(2)));
        continue;
      }
      for (Map.Entry<String, String> value : values.entrySet()) {
        sql = sql.replace("${" + value.getKey() + "}", value.getValue());
      }
      assertThat(sql).as(notebook + " cell").doesNotContain("${");
      List<Row> rows = spark.sql(sql).collectAsList();
      if (lines.get(0).startsWith("-- ")) {
        results.put(notebook.getFileName() + "#" + lines.get(0).substring(3), rows);
      }
    }
  }
}
