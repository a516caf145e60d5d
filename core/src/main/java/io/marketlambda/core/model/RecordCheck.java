package io.marketlambda.core.model;

/**
 * Validates the components of one record under construction. The record is described (e.g. {@code
 * bar IBM 1m 2013-10-07T13:30:00Z}) only when a check fails, so passing checks cost no string
 * building on the hot path.
 */
final class RecordCheck {
  private final String kind;
  private final Object[] identity;

  /**
   * @param kind the record's kind as written in messages, e.g. {@code quote}
   * @param identity the components that identify the record, in message order; nulls are skipped
   */
  RecordCheck(String kind, Object... identity) {
    this.kind = kind;
    this.identity = identity;
  }

  /** Throws unless {@code value} is non-null. */
  void requireNonNull(String field, Object value) {
    if (value == null) {
      throw invalid(field, "is null");
    }
  }

  /** Throws unless {@code value} is finite and greater than zero. */
  void requirePositive(String field, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw invalid(field, value + " is not a positive finite number");
    }
  }

  /** Throws unless {@code value} is finite and at least zero. */
  void requireNonNegative(String field, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      throw invalid(field, value + " is not a finite number >= 0");
    }
  }

  /** Throws unless {@code value} is at least zero. */
  void requireNonNegative(String field, long value) {
    if (value < 0) {
      throw invalid(field, value + " is negative");
    }
  }

  /** Throws unless {@code from <= value < until}. */
  void requireInRange(
      String field, java.time.Instant value, java.time.Instant from, java.time.Instant until) {
    if (value.isBefore(from) || !value.isBefore(until)) {
      throw invalid(
          field, value + " is outside " + from + " (inclusive) to " + until + " (exclusive)");
    }
  }

  /** Throws unless {@code value <= bound}; the message names both fields. */
  void requireAtMost(String field, double value, String boundField, double bound) {
    if (value > bound) {
      throw invalid(field, value + " is above " + boundField + " " + bound);
    }
  }

  /** Throws unless {@code value >= bound}; the message names both fields. */
  void requireAtLeast(String field, double value, String boundField, double bound) {
    if (value < bound) {
      throw invalid(field, value + " is below " + boundField + " " + bound);
    }
  }

  /**
   * Returns the exception for an invalid field: {@code Cannot create <kind> <identity>: <field>
   * <reason>}.
   */
  InvalidRecordException invalid(String field, String reason) {
    StringBuilder subject = new StringBuilder(kind);
    for (Object part : identity) {
      if (part != null) {
        subject.append(' ').append(part);
      }
    }
    return new InvalidRecordException(
        "Cannot create " + subject + ": " + field + " " + reason, field, reason);
  }
}
