package io.marketlambda.core.wire;

import io.marketlambda.core.model.InvalidRecordException;

/**
 * A Kafka value that is not a valid record of its wire format: invalid data, never retried, sent to
 * the dead-letter topic with {@link #field()} and {@link #reason()}.
 *
 * <p>Messages read {@code Cannot decode quote: field "priceUsd": -3.2 is not a positive finite
 * number}, or {@code Cannot decode bar: value is not JSON: ...} when the whole value is at fault
 * (then {@link #field()} is {@value #WHOLE_VALUE}).
 */
public final class InvalidWireRecordException extends InvalidRecordException {
  /**
   * The {@link #field()} of a value that is at fault as a whole: empty, not JSON, not an object.
   */
  public static final String WHOLE_VALUE = "$";

  private final String kind;

  InvalidWireRecordException(String kind, String field, String reason) {
    this(kind, field, reason, null);
  }

  InvalidWireRecordException(String kind, String field, String reason, Throwable cause) {
    super(messageFor(kind, field, reason), field, reason, cause);
    this.kind = kind;
  }

  /** The kind of record that failed to decode: {@code quote} or {@code bar}. */
  public String kind() {
    return kind;
  }

  private static String messageFor(String kind, String field, String reason) {
    return WHOLE_VALUE.equals(field)
        ? "Cannot decode " + kind + ": value " + reason
        : "Cannot decode " + kind + ": field \"" + field + "\": " + reason;
  }
}
