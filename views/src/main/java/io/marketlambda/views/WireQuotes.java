package io.marketlambda.views;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import java.time.Duration;

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

  /**
   * How far a quote's or bar's event time may be ahead of its Kafka record's timestamp (when the
   * producer sent it, or the broker appended it). Further ahead it is rejected (field {@code
   * eventTime}) by the speed layer and the batch layer alike: milliseconds read as seconds, or a
   * wrong clock, would push the speed layer's watermark past every later record and pin the latest
   * quote.
   */
  public static final ConfigKey<Duration> MAX_EVENT_TIME_AHEAD =
      ConfigKey.duration(
          "quotes.max-event-time-ahead",
          Duration.ofMinutes(5),
          "How far a quote's or bar's event time may be ahead of its Kafka record's timestamp;"
              + " further ahead (a clock or unit error) the record is rejected by both layers");

  private static final QuoteWireCodec CODEC = new QuoteWireCodec();

  private WireQuotes() {}

  /**
   * Decodes a value with {@link QuoteWireCodec}, the wire format's one definition, and rejects an
   * event time more than {@code maxAheadMillis} ahead of {@code recordTime} ({@link
   * #MAX_EVENT_TIME_AHEAD}).
   *
   * @param recordTime the Kafka record's timestamp; null or negative for none (no check)
   * @return {@value #DECODED_VALUES} values: those of {@link QuoteColumns} (the event time a {@link
   *     Timestamp}) then null, null for a valid quote; nulls for those columns then the field at
   *     fault ({@code $} for the whole value) and the reason for an invalid one
   */
  public static Object[] decode(byte[] value, Timestamp recordTime, long maxAheadMillis) {
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
      values[6] = quote.exchange();
      values[7] = quote.conditions();
      values[8] = quote.listingExchange();
      String ahead = tooFarAhead((Timestamp) values[1], recordTime, maxAheadMillis);
      if (ahead != null) {
        java.util.Arrays.fill(values, null);
        values[DECODED_VALUES - 2] = "eventTime";
        values[DECODED_VALUES - 1] = ahead;
      }
    } catch (InvalidWireRecordException e) {
      values[DECODED_VALUES - 2] = e.field();
      values[DECODED_VALUES - 1] = e.reason();
    } catch (RuntimeException e) {
      // A decoder bug must quarantine the record, not fail every micro-batch and nightly run.
      java.util.Arrays.fill(values, null);
      values[DECODED_VALUES - 2] = InvalidWireRecordException.WHOLE_VALUE;
      values[DECODED_VALUES - 1] = "cannot be decoded: " + e;
    }
    return values;
  }

  /**
   * Why {@code eventTime} is more than {@code maxAheadMillis} ahead of the record's Kafka
   * timestamp, or null when it is not (or the record has no timestamp).
   */
  public static String tooFarAhead(Timestamp eventTime, Timestamp recordTime, long maxAheadMillis) {
    if (!isTooFarAhead(eventTime.getTime(), recordTime, maxAheadMillis)) {
      return null;
    }
    long ahead = eventTime.getTime() - recordTime.getTime();
    return eventTime.toInstant()
        + " is "
        + Duration.ofMillis(ahead)
        + " ahead of the record's Kafka timestamp "
        + recordTime.toInstant()
        + ", more than "
        + MAX_EVENT_TIME_AHEAD.name()
        + " ("
        + Duration.ofMillis(maxAheadMillis)
        + ")";
  }

  /**
   * Whether {@code eventMillis} (epoch ms) is more than {@code maxAheadMillis} ahead of the
   * record's Kafka timestamp; false when the record has none. Allocates nothing: for hot paths.
   */
  public static boolean isTooFarAhead(long eventMillis, Timestamp recordTime, long maxAheadMillis) {
    return recordTime != null
        && recordTime.getTime() >= 0
        && eventMillis - recordTime.getTime() > maxAheadMillis;
  }
}
