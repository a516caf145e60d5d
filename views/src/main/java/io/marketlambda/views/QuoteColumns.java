package io.marketlambda.views;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a quotes Dataset, one row per trade ({@link io.marketlambda.core.model.Quote}):
 *
 * <pre>
 * symbol       string     e.g. IBM
 * event_time   timestamp  the trade's time (an instant; UTC)
 * price_usd    double     USD, finite and positive
 * size_shares  long       shares, at least 0
 * source       string     e.g. lean-tick
 * sequence     long       orders trades of equal event_time within a source
 * exchange     string     the reporting market center's participant code; null when unknown
 * sale_conditions long    the trade's {@link io.marketlambda.core.model.SaleCondition} bits; 0 for
 *                         a regular sale
 * listing_exchange string the symbol's listing market's participant code, whose auction prints
 *                         are the official open and close; null when unknown
 * </pre>
 */
public final class QuoteColumns {
  public static final String SYMBOL = "symbol";
  public static final String EVENT_TIME = "event_time";
  public static final String PRICE_USD = "price_usd";
  public static final String SIZE_SHARES = "size_shares";
  public static final String SOURCE = "source";
  public static final String SEQUENCE = "sequence";
  public static final String EXCHANGE = "exchange";
  public static final String SALE_CONDITIONS = "sale_conditions";
  public static final String LISTING_EXCHANGE = "listing_exchange";

  /** The schema above; only {@code exchange} and {@code listing_exchange} are nullable. */
  public static final StructType SCHEMA =
      new StructType()
          .add(SYMBOL, DataTypes.StringType, false)
          .add(EVENT_TIME, DataTypes.TimestampType, false)
          .add(PRICE_USD, DataTypes.DoubleType, false)
          .add(SIZE_SHARES, DataTypes.LongType, false)
          .add(SOURCE, DataTypes.StringType, false)
          .add(SEQUENCE, DataTypes.LongType, false)
          .add(EXCHANGE, DataTypes.StringType, true)
          .add(SALE_CONDITIONS, DataTypes.LongType, false)
          .add(LISTING_EXCHANGE, DataTypes.StringType, true);

  private QuoteColumns() {}
}
