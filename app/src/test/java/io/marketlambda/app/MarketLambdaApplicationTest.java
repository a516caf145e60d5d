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

  /** picocli's generator: {@code source <(marketlambda generate-completion)} in bash or zsh. */
  @Test
  void theCompletionScriptCompletesCommandsSubcommandsAndOptions() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out.toString())
        .contains("complete -F _complete_marketlambda")
        .contains("demo")
        .contains("faults")
        .contains("--duration");
  }

  @Test
  void everyCommandHasAOneSentenceHeaderSoCommandListsShowWholeSummaries() {
    java.util.List<String> bad = new java.util.ArrayList<>();
    java.util.Deque<CommandLine> commands = new java.util.ArrayDeque<>();
    commands.add(MarketLambdaApplication.commandLine());
    while (!commands.isEmpty()) {
      CommandLine command = commands.pop();
      command.getSubcommands().values().stream()
          .filter(sub -> !sub.getCommandName().equals("help"))
          .forEach(commands::push);
      if (command.getParent() == null) {
        continue;
      }
      String[] header = command.getCommandSpec().usageMessage().header();
      if (header.length != 1 || !header[0].endsWith(".") || header[0].length() > 90) {
        bad.add(
            command.getCommandSpec().qualifiedName() + ": " + java.util.Arrays.toString(header));
      }
    }

    assertThat(bad).isEmpty();
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "  serve        Runs the serving layer: an HTTP API and chart over the batch and realtime"
                + " views.");
  }

  @Test
  void versionNamesTheLibrariesItRunsWith() {
    assertThat(run("--version")).isZero();

    assertThat(out.toString())
        .containsPattern("Spark 3\\.5\\.\\d+, Scala 2\\.12\\.\\d+, Delta Lake \\d+\\.\\d+\\.\\d+")
        .containsPattern(
            "Hadoop client \\d+\\.\\d+\\.\\d+, HBase client 2\\.\\d+\\.\\d+\\S*, Kafka client \\d+\\.\\d+")
        // Built from this checkout: the commit the build saw.
        .containsPattern("marketlambda .+ \\(git [0-9a-f]{7,}, \\d{4}-\\d{2}-\\d{2}T")
        .doesNotContain("unknown");
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
