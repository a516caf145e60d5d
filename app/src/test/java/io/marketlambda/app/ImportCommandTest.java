package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Alpha Vantage sources of {@code marketlambda import} refuse bad arguments before Spark. */
class ImportCommandTest {
  private static final Path SPLITS =
      SharedData.resolve("alphavantage/portfoliotree-alphavantage/examples/SPLITS_358e2618.csv");

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void aResponseNeedsItsOneSymbol() {
    assertThat(run("import", "--source", "alphavantage-splits", "--path", SPLITS.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("Cannot import --source alphavantage-splits: give its one symbol with --symbols");
  }

  @Test
  void aResponseIsOneFile() {
    Path directory = SPLITS.getParent();
    assertThat(
            run(
                "import",
                "--source",
                "alphavantage-dividends",
                "--path",
                directory.toString(),
                "--symbols",
                "IBM"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("expected one saved response file");
  }

  @Test
  void anUnknownAlphaVantageSourceNamesTheKnownOnes(@TempDir Path directory) {
    assertThat(
            run(
                "import",
                "--source",
                "alphavantage-earnings",
                "--path",
                SPLITS.toString(),
                "--symbols",
                "IBM",
                "--quarantine",
                directory.resolve("q.jsonl").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "not one of alphavantage-splits, alphavantage-dividends, alphavantage-daily-adjusted");
  }
}
