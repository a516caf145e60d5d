package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MarketLambdaApplicationTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = MarketLambdaApplication.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage: marketlambda")
        .contains("local-stack")
        .contains("help")
        .contains("Exit codes:");
  }

  @Test
  void missingCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);

    assertThat(err.toString()).contains("marketlambda: missing command").contains("local-stack");
  }

  @Test
  void unknownCommandIsAUsageErrorNamingIt() {
    assertThat(run("recompute-everything")).isEqualTo(2);

    assertThat(err.toString()).contains("Unmatched argument").contains("recompute-everything");
  }

  @Test
  void localStackHelpDescribesItsOptionsAndDefaults() {
    assertThat(run("local-stack", "--help")).isZero();

    assertThat(out.toString())
        .contains("--data-dir=<dir>")
        .contains("work/local-stack")
        .contains("--kafka-port=<port>")
        .contains("(default: 9092)")
        .contains("--fresh");
  }

  @Test
  void badLocalStackOptionFailsFastNamingTheValue() {
    assertThat(run("local-stack", "--kafka-port", "70000")).isEqualTo(2);

    assertThat(err.toString()).contains("kafkaPort").contains("70000");
  }

  @Test
  void badHeapFailsFastNamingTheValue() {
    assertThat(run("local-stack", "--heap", "lots")).isEqualTo(2);

    assertThat(err.toString()).contains("heap").contains("lots");
  }
}
