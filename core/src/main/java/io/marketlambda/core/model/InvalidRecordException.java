package io.marketlambda.core.model;

import java.util.Objects;

/**
 * Invalid data: a value that breaks a contract of the model or of a wire format. Retrying cannot
 * help, so callers quarantine the record (dead-letter topic, quarantine table) with {@link
 * #field()} and {@link #reason()} and go on with the next one.
 *
 * <p>The message reads {@code Cannot <verb> <thing>: ...}, names the field and the bad value, and
 * never contains a stack trace; a lower-level cause, when there is one, is chained.
 */
public class InvalidRecordException extends IllegalArgumentException {
  private final String field;
  private final String reason;

  /**
   * Creates an exception without a lower-level cause.
   *
   * @param message the whole message, {@code Cannot <verb> <thing>: ...}
   * @param field the offending field as named in the record or wire format, e.g. {@code priceUsd}
   * @param reason what is wrong with the field, usually its value and why, e.g. {@code -3.2 is not
   *     a positive finite number}
   */
  public InvalidRecordException(String message, String field, String reason) {
    this(message, field, reason, null);
  }

  /**
   * Creates an exception that chains the lower-level failure which revealed the invalid data.
   *
   * @param message the whole message, {@code Cannot <verb> <thing>: ...}
   * @param field the offending field as named in the record or wire format
   * @param reason what is wrong with the field, usually its value and why
   * @param cause the lower-level failure, or {@code null} when there is none
   */
  public InvalidRecordException(String message, String field, String reason, Throwable cause) {
    super(message, cause);
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns the offending field as named in the record or wire format, e.g. {@code priceUsd}. */
  public String field() {
    return field;
  }

  /**
   * Returns what is wrong with {@link #field()}, without the field name, e.g. {@code -3.2 is not a
   * positive finite number}.
   */
  public String reason() {
    return reason;
  }
}
