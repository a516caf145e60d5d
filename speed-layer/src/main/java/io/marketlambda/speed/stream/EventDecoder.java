package io.marketlambda.speed.stream;

import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.views.WireQuotes;
import java.sql.Timestamp;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one Kafka record of the quotes topic ({@link WireQuotes}, the wire format's one
 * definition, as the batch layer decodes the landed quotes) or of the bars topic ({@link
 * BarWireCodec}) into a row of {@link EventColumns}. Never throws on bad data: an invalid value
 * becomes an {@code invalid} row naming the field and the reason, for the dead-letter topic.
 *
 * <p>Only 1-minute bars are taken from the bars topic: the speed layer rolls 5m, 15m and 1h up
 * itself, and days and longer belong to the batch layer. A bar of another interval is invalid
 * (field {@code interval}), so nothing is dropped unseen.
 */
final class EventDecoder implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final BarWireCodec BARS = new BarWireCodec();
  private static final Timestamp NO_TIME = new Timestamp(0);

  private final String barsTopic;
  private final long maxAheadMillis;

  /**
   * @param barsTopic the topic whose records are bars; every other topic holds quotes
   * @param maxAheadMillis how far an event time may be ahead of its record's Kafka timestamp
   */
  EventDecoder(String barsTopic, long maxAheadMillis) {
    this.barsTopic = barsTopic;
    this.maxAheadMillis = maxAheadMillis;
  }

  @Override
  public Row call(Row kafka) {
    byte[] value = kafka.getAs("value");
    String topic = kafka.getAs("topic");
    Object[] values = new Object[EventColumns.SCHEMA.size()];
    values[EventColumns.I_KAFKA] = kafka.getAs("key");
    values[EventColumns.I_KAFKA + 1] = value;
    values[EventColumns.I_KAFKA + 2] = topic;
    values[EventColumns.I_KAFKA + 3] = kafka.<Integer>getAs("partition");
    values[EventColumns.I_KAFKA + 4] = kafka.<Long>getAs("offset");
    try {
      Timestamp recordTime = kafka.getAs("timestamp");
      if (barsTopic.equals(topic)) {
        decodeBar(value, values);
        String ahead =
            EventColumns.BAR.equals(values[EventColumns.I_KIND])
                ? WireQuotes.tooFarAhead(
                    (Timestamp) values[EventColumns.I_EVENT_TIME], recordTime, maxAheadMillis)
                : null;
        if (ahead != null) {
          java.util.Arrays.fill(values, 0, EventColumns.I_KAFKA, null);
          invalid(values, "start", ahead);
        }
      } else {
        decodeQuote(value, recordTime, values);
      }
    } catch (RuntimeException e) {
      // A decoder bug or a parser error it lets through must quarantine, not crash-loop the query.
      java.util.Arrays.fill(values, 0, EventColumns.I_KAFKA, null);
      invalid(values, InvalidWireRecordException.WHOLE_VALUE, "cannot be decoded: " + e);
    }
    return RowFactory.create(values);
  }

  private void decodeQuote(byte[] value, Timestamp recordTime, Object[] values) {
    Object[] quote = WireQuotes.decode(value, recordTime, maxAheadMillis);
    String field = (String) quote[WireQuotes.DECODED_VALUES - 2];
    if (field != null) {
      invalid(values, field, (String) quote[WireQuotes.DECODED_VALUES - 1]);
      return;
    }
    values[EventColumns.I_KIND] = EventColumns.TRADE;
    values[EventColumns.I_SYMBOL] = quote[0];
    values[EventColumns.I_EVENT_TIME] = quote[1];
    values[EventColumns.I_PRICE] = quote[2];
    values[EventColumns.I_SIZE] = quote[3];
    values[EventColumns.I_SEQUENCE] = quote[5];
    values[EventColumns.I_CONDITIONS] = quote[7];
    values[EventColumns.I_AUCTION_PRINT] =
        AuctionPrint.of((long) quote[7], (String) quote[6], (String) quote[8]).code();
  }

  private static void decodeBar(byte[] value, Object[] values) {
    if (value != null && value.length > WireQuotes.MAX_VALUE_BYTES) {
      invalid(
          values,
          InvalidWireRecordException.WHOLE_VALUE,
          "is "
              + value.length
              + " bytes, more than the "
              + WireQuotes.MAX_VALUE_BYTES
              + " a bar may have");
      return;
    }
    Bar bar;
    try {
      bar = BARS.decode(value);
    } catch (InvalidWireRecordException e) {
      invalid(values, e.field(), e.reason());
      return;
    }
    if (bar.interval() != BarInterval.ONE_MINUTE) {
      invalid(
          values,
          "interval",
          "is "
              + bar.interval().code()
              + "; the speed layer takes 1m bars (it rolls 5m, 15m and 1h up itself) and"
              + " leaves days and longer to the batch layer");
      return;
    }
    if (bar.start().isBefore(Quote.EARLIEST_EVENT_TIME)) {
      invalid(
          values,
          "start",
          bar.start()
              + " is before 1970-01-01: realtime cells are stamped with epoch milliseconds");
      return;
    }
    values[EventColumns.I_KIND] = EventColumns.BAR;
    values[EventColumns.I_SYMBOL] = bar.symbol().value();
    values[EventColumns.I_EVENT_TIME] = Timestamp.from(bar.start());
    values[EventColumns.I_OPEN] = bar.openUsd();
    values[EventColumns.I_OPEN + 1] = bar.highUsd();
    values[EventColumns.I_OPEN + 2] = bar.lowUsd();
    values[EventColumns.I_OPEN + 3] = bar.closeUsd();
    values[EventColumns.I_OPEN + 4] = bar.volumeShares();
    values[EventColumns.I_OPEN + 5] = bar.vwapUsd();
    values[EventColumns.I_OPEN + 6] = bar.tradeCount();
  }

  private static void invalid(Object[] values, String field, String reason) {
    values[EventColumns.I_KIND] = EventColumns.INVALID;
    values[EventColumns.I_EVENT_TIME] = NO_TIME;
    values[EventColumns.I_ERROR_FIELD] = field;
    values[EventColumns.I_ERROR_REASON] = reason;
  }
}
