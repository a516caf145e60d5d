package io.marketlambda.speed.stream;

import io.marketlambda.views.BarColumns;
import io.marketlambda.views.QuoteColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Kafka record of the quotes or the bars topic after decoding ({@link EventDecoder}), one row per
 * record:
 *
 * <pre>
 * kind             string     trade, bar or invalid
 * symbol           string     null when invalid
 * event_time       timestamp  a trade's event time, a bar's start; 1970-01-01 when invalid
 * price_usd        double     trade only, USD
 * size_shares      long       trade only, shares
 * sequence         long       trade only
 * sale_conditions  long       trade only: its {@link io.marketlambda.core.model.SaleCondition} bits
 * auction_print    int        trade only: the {@link io.marketlambda.core.model.AuctionPrint} code
 * open_usd ... trade_count    bar only: the {@link BarColumns} of a vendor 1-minute bar
 * error_field      string     invalid only: the field at fault, "$" for the whole value
 * error_reason     string     invalid only: why, naming the value
 * kafka_key        binary     the record as received, and where it came from
 * kafka_value      binary
 * kafka_topic      string
 * kafka_partition  int
 * kafka_offset     long
 * </pre>
 */
final class EventColumns {
  static final String KIND = "kind";
  static final String TRADE = "trade";
  static final String BAR = "bar";
  static final String INVALID = "invalid";
  static final String EVENT_TIME = QuoteColumns.EVENT_TIME;
  static final String ERROR_FIELD = "error_field";
  static final String ERROR_REASON = "error_reason";
  static final String AUCTION_PRINT = "auction_print";

  static final StructType SCHEMA =
      new StructType()
          .add(KIND, DataTypes.StringType, false)
          .add(QuoteColumns.SYMBOL, DataTypes.StringType, true)
          .add(EVENT_TIME, DataTypes.TimestampType, false)
          .add(QuoteColumns.PRICE_USD, DataTypes.DoubleType, true)
          .add(QuoteColumns.SIZE_SHARES, DataTypes.LongType, true)
          .add(QuoteColumns.SEQUENCE, DataTypes.LongType, true)
          .add(QuoteColumns.SALE_CONDITIONS, DataTypes.LongType, true)
          .add(AUCTION_PRINT, DataTypes.IntegerType, true)
          .add(BarColumns.OPEN_USD, DataTypes.DoubleType, true)
          .add(BarColumns.HIGH_USD, DataTypes.DoubleType, true)
          .add(BarColumns.LOW_USD, DataTypes.DoubleType, true)
          .add(BarColumns.CLOSE_USD, DataTypes.DoubleType, true)
          .add(BarColumns.VOLUME_SHARES, DataTypes.DoubleType, true)
          .add(BarColumns.VWAP_USD, DataTypes.DoubleType, true)
          .add(BarColumns.TRADE_COUNT, DataTypes.LongType, true)
          .add(ERROR_FIELD, DataTypes.StringType, true)
          .add(ERROR_REASON, DataTypes.StringType, true)
          .add("kafka_key", DataTypes.BinaryType, true)
          .add("kafka_value", DataTypes.BinaryType, true)
          .add("kafka_topic", DataTypes.StringType, false)
          .add("kafka_partition", DataTypes.IntegerType, false)
          .add("kafka_offset", DataTypes.LongType, false);

  // Positions in SCHEMA.
  static final int I_KIND = 0;
  static final int I_SYMBOL = 1;
  static final int I_EVENT_TIME = 2;
  static final int I_PRICE = 3;
  static final int I_SIZE = 4;
  static final int I_SEQUENCE = 5;
  static final int I_CONDITIONS = 6;
  static final int I_AUCTION_PRINT = 7;
  static final int I_OPEN = 8;
  static final int I_ERROR_FIELD = 15;
  static final int I_ERROR_REASON = 16;
  static final int I_KAFKA = 17;

  private EventColumns() {}

  /** The source record of an event row. */
  static SourceRecord source(org.apache.spark.sql.Row row) {
    return new SourceRecord(
        (byte[]) row.get(I_KAFKA),
        (byte[]) row.get(I_KAFKA + 1),
        row.getString(I_KAFKA + 2),
        row.getInt(I_KAFKA + 3),
        row.getLong(I_KAFKA + 4));
  }
}
