package io.marketlambda.bench;

import java.util.List;

/**
 * One fault's accounting in the fault suite ({@code marketlambda bench faults}), whichever layer it
 * was injected in.
 *
 * @param fault its id, {@code F0} to {@code F13}; {@code F0} is the reference run, not a fault
 * @param description what was injected
 * @param offered records offered to the part under fault (acknowledged by Kafka, or rows read)
 * @param lost records that should be in the result and are not
 * @param duplicated records the result holds more often than offered
 * @param deadLettered bad records put aside with their reason, each counted once
 * @param lateRouted late records routed to the late topic, each counted once
 * @param recoverySeconds from the end of the fault to the part working again, the longest; NaN when
 *     the fault has no end to recover from
 * @param recordsPerSecond the rate it drained at, where measured; NaN otherwise
 * @param problems what is wrong, empty when the fault passed
 */
public record FaultRow(
    String fault,
    String description,
    long offered,
    long lost,
    long duplicated,
    long deadLettered,
    long lateRouted,
    double recoverySeconds,
    double recordsPerSecond,
    List<String> problems) {
  /** The id of the reference run. */
  public static final String REFERENCE = "F0";

  public FaultRow {
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  /** This row with one more problem. */
  public FaultRow withProblem(String problem) {
    List<String> more = new java.util.ArrayList<>(problems);
    more.add(problem);
    return new FaultRow(
        fault,
        description,
        offered,
        lost,
        duplicated,
        deadLettered,
        lateRouted,
        recoverySeconds,
        recordsPerSecond,
        more);
  }
}
