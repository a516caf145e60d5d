package io.marketlambda.views;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;

/**
 * Kafka values of the quotes topic decoded into row values, for the speed layer (reading the topic)
 * and the batch layer (reading the landed {@code bronze.quotes}): one decoding, one set of
 * rejections. Never throws on bad data.
 */
public final class WireQuotes {
  /**
   * Values over this many bytes are rejected unread: a quote is under 300 bytes, and a
   * multi-megabyte value is a producer bug, not a quote.
   */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  /** How many values {@link #decode} returns: the {@link QuoteColumns}, error field and reason. */
  public static final int DECODED_VALUES = QuoteColumns.SCHEMA.size() + 2;

  private static final QuoteWireCodec CODEC = new QuoteWireCodec();

  private WireQuotes() {}

  /**
   * Decodes a value with {@link QuoteWireCodec}, the wire format's one definition.
   *
   * @return {@value #DECODED_VALUES} values: those of {@link QuoteColumns} (the event time a {@link
   *     Timestamp}) then null, null for a valid quote; six nulls then the field at fault ({@code $}
   *     for the whole value) and the reason for an invalid one
   */
  public static Object[] decode(byte[] value) {
    Object[] values = new Object[DECODED_VALUES];
    if (value != null && value.length > MAX_VALUE_BYTES) {
      values[DECODED_VALUES - 2] = InvalidWireRecordException.WHOLE_VALUE;
      values[DECODED_VALUES - 1] =
          "is " + value.length + " bytes, more than the " + MAX_VALUE_BYTES + " a quote may have";
      return values;
    }
    try {
      Quote quote = CODEC.decode(value);
      values[0] = quote.symbol().value();
      values[1] = Timestamp.from(quote.eventTime());
      values[2] = quote.priceUsd();
      values[3] = quote.sizeShares();
      values[4] = quote.source();
      values[5] = quote.sequence();
    } catch (InvalidWireRecordException e) {
      values[DECODED_VALUES - 2] = e.field();
      values[DECODED_VALUES - 1] = e.reason();
    }
    return values;
  }
}
