package io.marketlambda.core.wire;

import io.marketlambda.core.model.InvalidRecordException;

/**
 * A Kafka value that is not a valid quote in wire format v1: invalid data, never retried, sent to
 * the dead-letter topic with {@link #field()} and {@link #reason()}.
 *
 * <p>Messages read {@code Cannot decode quote: field "priceUsd": -3.2 is not a positive finite
 * number}, or {@code Cannot decode quote: value is not JSON: ...} when the whole value is at fault
 * (then {@link #field()} is {@value #WHOLE_VALUE}).
 */
public final class InvalidQuoteException extends InvalidRecordException {
  /**
   * The {@link #field()} of a value that is at fault as a whole: empty, not JSON, not an object.
   */
  public static final String WHOLE_VALUE = "$";

  InvalidQuoteException(String field, String reason) {
    this(field, reason, null);
  }

  InvalidQuoteException(String field, String reason, Throwable cause) {
    super(messageFor(field, reason), field, reason, cause);
  }

  private static String messageFor(String field, String reason) {
    return WHOLE_VALUE.equals(field)
        ? "Cannot decode quote: value " + reason
        : "Cannot decode quote: field \"" + field + "\": " + reason;
  }
}
