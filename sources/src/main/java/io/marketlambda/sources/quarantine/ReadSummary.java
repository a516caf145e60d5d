package io.marketlambda.sources.quarantine;

import java.util.Map;
import java.util.Objects;

/**
 * How a read of one input went: records accepted, records rejected (by field at fault), and where
 * the rejected ones were kept.
 *
 * @param origin the input that was read: a file path or an API call
 * @param accepted records turned into model records
 * @param rejectedByField rejected records, counted by the field at fault ({@code "$"}: the whole
 *     record)
 */
public record ReadSummary(String origin, long accepted, Map<String, Long> rejectedByField) {
  public ReadSummary {
    Objects.requireNonNull(origin, "origin");
    rejectedByField = Map.copyOf(rejectedByField);
  }

  public long rejected() {
    return rejectedByField.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for logs: {@code read lean/daily/ibm.csv: 3999 accepted, 2 rejected {close=2}}. */
  @Override
  public String toString() {
    return "read "
        + origin
        + ": "
        + accepted
        + " accepted, "
        + rejected()
        + " rejected"
        + (rejectedByField.isEmpty() ? "" : " " + new java.util.TreeMap<>(rejectedByField));
  }
}
