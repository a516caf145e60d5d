package io.marketlambda.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fault suite's report: a Markdown table, one row per fault, and a summary line. */
public final class FaultReport {
  private FaultReport() {}

  /**
   * The table and the line {@code faults: N injected, lost L, duplicated D}, where N leaves out the
   * reference run ({@link FaultRow#REFERENCE}).
   */
  public static List<String> lines(List<FaultRow> rows) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "| fault | offered | lost | duplicated | dead-lettered | late-routed | recovery s"
            + " | records/s | verdict |");
    lines.add("|---|---|---|---|---|---|---|---|---|");
    long lost = 0;
    long duplicated = 0;
    for (FaultRow row : rows) {
      lost += row.lost();
      duplicated += row.duplicated();
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s %s | %,d | %,d | %,d | %,d | %,d | %s | %s | %s |",
              row.fault(),
              row.description(),
              row.offered(),
              row.lost(),
              row.duplicated(),
              row.deadLettered(),
              row.lateRouted(),
              Double.isNaN(row.recoverySeconds())
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", row.recoverySeconds()),
              Double.isNaN(row.recordsPerSecond())
                  ? "-"
                  : String.format(Locale.ROOT, "%,.0f", row.recordsPerSecond()),
              row.passed() ? "pass" : "FAIL: " + String.join("; ", row.problems())));
    }
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "faults: %d injected, lost %,d, duplicated %,d",
            rows.stream().filter(row -> !row.fault().equals(FaultRow.REFERENCE)).count(),
            lost,
            duplicated));
    return lines;
  }

  /** The line a fault's run ends with: {@code F1: passed, 24,294 offered, 0 lost, 0 duplicated}. */
  public static String summary(FaultRow row) {
    return String.format(
        Locale.ROOT,
        "%s: %s, %,d offered, %,d lost, %,d duplicated",
        row.fault(),
        row.passed() ? "passed" : "FAILED: " + String.join("; ", row.problems()),
        row.offered(),
        row.lost(),
        row.duplicated());
  }
}
