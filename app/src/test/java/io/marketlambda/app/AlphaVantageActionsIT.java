package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM from Lean's raw daily prices, adjusted with Alpha Vantage's real {@code SPLITS} and {@code
 * DIVIDENDS} responses instead of Lean's factor file, through {@code marketlambda import} and
 * {@code marketlambda batch}: the 2-for-1 split of 1999-05-27 and the 1.63 USD dividend of
 * 2020-05-07; then Alpha Vantage's daily adjusted bars of 2026 with the 1.68 USD dividend of
 * 2026-02-10 (values read here from the response files).
 */
class AlphaVantageActionsIT {
  private static final String EXAMPLES = "alphavantage/portfoliotree-alphavantage/examples/";

  @Test
  void importedSplitsAndDividendsAdjustTheBatchViews(@TempDir Path directory) throws IOException {
    String lake = directory.resolve("lake").toString();
    String quarantine = directory.resolve("quarantine.jsonl").toString();
    Commands.run(
        "import",
        "--source",
        "lean-daily",
        "--path",
        SharedData.resolve("lean/daily").toString(),
        "--symbols",
        "IBM",
        "--factor-files",
        "none",
        "--quarantine",
        quarantine,
        "--conf",
        "lake.root=" + lake);
    Path splits = SharedData.resolve(EXAMPLES + "SPLITS_358e2618.csv");
    Path dividends = SharedData.resolve(EXAMPLES + "DIVIDENDS_5b9f5d9f.csv");
    String first = importActions("alphavantage-splits", splits, quarantine, lake);
    importActions("alphavantage-dividends", dividends, quarantine, lake);
    String again = importActions("alphavantage-splits", splits, quarantine, lake);
    long splitRows = Files.readAllLines(splits).size() - 1L;
    assertThat(first).contains(splitRows + " rows of alphavantage-splits offered, " + splitRows);
    assertThat(again).contains(", 0 inserted");
    // Alpha Vantage's own daily bars of 2025-12-22..2026-05-15, whose dividend column repeats two
    // dividends of the DIVIDENDS response: they count once.
    Path dailyAdjusted = SharedData.resolve(EXAMPLES + "TIME_SERIES_DAILY_ADJUSTED_572d0539.csv");
    String daily = importActions("alphavantage-daily-adjusted", dailyAdjusted, quarantine, lake);
    assertThat(daily)
        .contains((Files.readAllLines(dailyAdjusted).size() - 1) + " rows of alphavantage offered")
        .contains("2 rows of alphavantage-daily-adjusted offered, 2 inserted");
    Commands.run("batch", "--run-date", "2026-05-15", "--conf", "lake.root=" + lake);

    Map<String, Row> days =
        Commands.goldDays(
            lake,
            "IBM",
            "1999-05-26",
            "1999-05-27",
            "2020-05-06",
            "2020-05-07",
            "2026-02-09",
            "2026-02-10",
            "2026-05-15");
    double ratio = valueOn(splits, "1999-05-27", 1);
    double amount = valueOn(dividends, "2020-05-07", 4);
    assertThat(ratio).isEqualTo(2.0);
    assertThat(factor(days, "1999-05-26") / factor(days, "1999-05-27"))
        .isCloseTo(1 / ratio, within(1e-12));
    double closeBefore = days.get("2020-05-06").getAs("raw_close_usd");
    assertThat(factor(days, "2020-05-06") / factor(days, "2020-05-07"))
        .isCloseTo(1 - amount / closeBefore, within(1e-12));

    double february = valueOn(dividends, "2026-02-10", 4);
    double closeOn9th = days.get("2026-02-09").getAs("raw_close_usd");
    assertThat(days.get("2026-02-10").<String>getAs("source")).isEqualTo("alphavantage");
    assertThat(closeOn9th).isEqualTo(valueOn(dailyAdjusted, "2026-02-09", 4));
    assertThat(factor(days, "2026-02-09") / factor(days, "2026-02-10"))
        .isCloseTo(1 - february / closeOn9th, within(1e-12));
    assertThat(factor(days, "2026-05-15")).isEqualTo(1.0);
  }

  private static double factor(Map<String, Row> days, String date) {
    return days.get(date).getAs("adj_factor");
  }

  /** The numeric column of the row of {@code date} in a response CSV. */
  private static double valueOn(Path csv, String date, int column) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.stream()
        .filter(line -> line.startsWith(date + ","))
        .mapToDouble(line -> Double.parseDouble(line.split(",")[column]))
        .findFirst()
        .orElseThrow();
  }

  private static String importActions(String source, Path file, String quarantine, String lake) {
    return Commands.run(
        "import",
        "--source",
        source,
        "--path",
        file.toString(),
        "--symbols",
        "IBM",
        "--quarantine",
        quarantine,
        "--conf",
        "lake.root=" + lake);
  }
}
