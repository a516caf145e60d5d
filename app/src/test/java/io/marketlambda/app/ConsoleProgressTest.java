package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final StringWriter written = new StringWriter();

  @Test
  void withoutATerminalATaskPrintsPlainLinesAndItsFinalStateOnce() {
    ConsoleProgress console = new ConsoleProgress(new PrintWriter(written, true), false, 100);

    try (ConsoleProgress.Task task = console.start("replay trades", 4, "events")) {
      task.stepTo(4);
      task.message("event time Mon 09:31:00 NY");
    }

    String output = written.toString();
    assertThat(output).doesNotContain("\u001b[");
    // The bar's own refresh thread may print a line between stepTo and message (a race of the
    // library's timer); the final state is the last line, and printed once.
    java.util.List<String> lines = output.lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("replay trades 100%").contains("event time Mon 09:31:00 NY");
    assertThat(lines).filteredOn(last::equals).hasSize(1);
  }

  @Test
  void onATerminalLinesGoAboveTheBarsAndAFinishedBarStaysAsALine() {
    ConsoleProgress console = new ConsoleProgress(new PrintWriter(written, true), true, 100);
    PrintWriter lines = console.lines();

    ConsoleProgress.Task history = console.startSteps("history", "steps");
    history.step();
    lines.println("first live quote served 38 s after the start");
    history.step();
    history.close();

    String output = written.toString();
    // The bars are redrawn in place: cursor up to the first bar, clear to the end of the screen.
    assertThat(output).contains("\u001b[1F\u001b[J");
    String shown = emulate(output);
    assertThat(shown.lines().toList())
        .first()
        .isEqualTo("first live quote served 38 s after the start");
    assertThat(shown.lines().toList()).hasSize(2);
    assertThat(shown.lines().toList().get(1)).startsWith("history").contains("2/?");
  }

  @Test
  void aLineWrittenInPiecesIsPrintedOnceComplete() {
    ConsoleProgress console = new ConsoleProgress(new PrintWriter(written, true), true, 100);
    PrintWriter lines = console.lines();

    lines.print("bronze.bars: ");
    lines.flush();
    assertThat(written.toString()).isEmpty();
    lines.println("47,344 rows");

    assertThat(written.toString()).isEqualTo("bronze.bars: 47,344 rows" + System.lineSeparator());
  }

  /**
   * What a terminal shows after {@code output}: lines, with "cursor up N lines" and "clear to the
   * end of the screen" applied (the two sequences the bars use) and colours dropped.
   */
  private static String emulate(String output) {
    java.util.List<String> screen = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < output.length()) {
      char c = output.charAt(i);
      if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < output.length() && !Character.isLetter(output.charAt(end))) {
          end++;
        }
        String argument = output.substring(i + 2, end);
        char command = output.charAt(end);
        if (command == 'F') {
          int up = Integer.parseInt(argument);
          for (int k = 0; k < up && !screen.isEmpty(); k++) {
            screen.remove(screen.size() - 1);
          }
          current.setLength(0);
        }
        i = end + 1;
      } else if (c == '\n') {
        screen.add(current.toString().replace("\r", ""));
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    return String.join("\n", screen);
  }
}
