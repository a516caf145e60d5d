package io.marketlambda.sources.quarantine;

import java.util.Objects;

/**
 * One input record that was not accepted, kept for inspection: never silently dropped.
 *
 * @param origin where the record came from: a file path, or an API call such as {@code
 *     TIME_SERIES_DAILY IBM}
 * @param position the 1-based line number in {@code origin}, or 0 when the origin has no lines
 * @param field the field at fault, or {@code "$"} when the record as a whole is
 * @param reason why it was rejected, for people: names the value, e.g. {@code volume "-5" is
 *     negative}
 * @param raw the record as read, unchanged
 */
public record RejectedRecord(
    String origin, long position, String field, String reason, String raw) {
  /** The field name used when no single field is at fault. */
  public static final String WHOLE_RECORD = "$";

  public RejectedRecord {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
    if (position < 0) {
      throw new IllegalArgumentException("Cannot create rejected record: position " + position);
    }
  }

  /** {@code origin:line: field: reason}, the form compilers use, so editors can jump to it. */
  public String describe() {
    return origin + (position > 0 ? ":" + position : "") + ": " + field + ": " + reason;
  }
}
