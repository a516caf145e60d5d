package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** Runs {@code marketlambda} commands in the test JVM and reads what they wrote. */
final class Commands {
  private Commands() {}

  /** Runs one command, asserting it exits 0; returns what it printed. */
  static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    assertThat(commandLine.execute(args)).as("%s%n%s", String.join(" ", args), out).isZero();
    return out.toString();
  }

  /** The {@code gold.bars_daily} rows of a symbol on the given ISO dates, by date. */
  static Map<String, Row> goldDays(String lake, String symbol, String... dates) {
    String in = Arrays.stream(dates).map(d -> "DATE'" + d + "'").collect(Collectors.joining(","));
    Map<String, Row> days = new HashMap<>();
    for (Row row :
        SparkSession.active()
            .read()
            .format("delta")
            .load(lake + "/gold/bars_daily")
            .filter("symbol = '" + symbol + "' AND trading_date IN (" + in + ")")
            .collectAsList()) {
      days.put(row.getAs("trading_date").toString(), row);
    }
    return days;
  }
}
