package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AAPL from Lean's raw daily prices and its factor file, through {@code marketlambda import} and
 * {@code marketlambda batch}: the raw series jumps at the real splits of 2014-06-09 (7:1) and
 * 2020-08-31 (4:1), the adjusted one does not.
 */
class LeanSplitsIT {
  @Test
  void theAdjustedSeriesHasNoJumpAcrossTheSplits(@TempDir Path directory) {
    String lake = directory.resolve("lake").toString();
    Commands.run(
        "import",
        "--source",
        "lean-daily",
        "--path",
        SharedData.resolve("lean/daily").toString(),
        "--symbols",
        "AAPL",
        "--quarantine",
        directory.resolve("quarantine.jsonl").toString(),
        "--conf",
        "lake.root=" + lake);
    Commands.run("batch", "--run-date", "2021-03-31", "--conf", "lake.root=" + lake);

    Map<String, Row> days =
        Commands.goldDays(lake, "AAPL", "2014-06-06", "2014-06-09", "2020-08-28", "2020-08-31");

    assertThat(raw(days, "2020-08-28")).isEqualTo(499.23);
    assertThat(raw(days, "2020-08-31")).isEqualTo(129.04);
    assertThat(raw(days, "2020-08-28") / raw(days, "2020-08-31")).isGreaterThan(3.5);
    assertThat(raw(days, "2014-06-06") / raw(days, "2014-06-09")).isGreaterThan(6.5);
    assertThat(adjusted(days, "2020-08-31") / adjusted(days, "2020-08-28") - 1)
        .isBetween(-0.1, 0.1);
    assertThat(adjusted(days, "2014-06-09") / adjusted(days, "2014-06-06") - 1)
        .isBetween(-0.1, 0.1);
  }

  private static double raw(Map<String, Row> days, String date) {
    return days.get(date).getAs("raw_close_usd");
  }

  private static double adjusted(Map<String, Row> days, String date) {
    return days.get(date).getAs("close_usd");
  }
}
