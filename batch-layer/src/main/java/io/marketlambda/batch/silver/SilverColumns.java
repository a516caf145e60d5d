package io.marketlambda.batch.silver;

import io.marketlambda.views.BarColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.bars_daily}: one validated daily bar per symbol and trading date, raw and adjusted
 * for corporate actions, with its data-quality flags.
 *
 * <pre>
 * symbol, interval ("1d"), bar_start, open_usd .. trade_count   the raw bar (BarColumns)
 * trading_date          date     America/New_York trading date
 * source                string   the bronze source chosen for this date (see SilverDailyBars)
 * derived_from          string   vendor-daily: the source's own daily bar; intraday: rolled up
 *                                from the source's regular-session intraday bars (lean-minute,
 *                                stooq-5min, or quotes: the landed quotes topic), where no vendor
 *                                daily bar exists
 * adj_factor            double   multiplies raw prices into adjusted prices: the product of the
 *                                factors of every split and dividend with a later ex-date
 * split_ratio_after     double   product of the ratios of later splits: multiplies raw volume
 * adj_open_usd, adj_high_usd, adj_low_usd, adj_close_usd, adj_vwap_usd   raw × adj_factor, USD
 * adj_volume_shares     double   raw volume × split_ratio_after, shares
 * ohlc_order_ok         boolean  low <= open, close <= high
 * nonzero_volume_ok     boolean  volume > 0
 * session_gap_ok        boolean  at most 4 calendar days after the symbol's previous bar
 *                                (a weekend and a holiday); the first bar counts as ok
 * dq_score              double   share of the checks above that pass, 0..1
 * </pre>
 */
public final class SilverColumns {
  public static final String TRADING_DATE = "trading_date";
  public static final String SOURCE = "source";
  public static final String DERIVED_FROM = "derived_from";

  /** {@link #DERIVED_FROM} of a vendor's daily bar. */
  public static final String VENDOR_DAILY = "vendor-daily";

  /** {@link #DERIVED_FROM} of a daily bar rolled up from intraday bars. */
  public static final String INTRADAY = "intraday";

  public static final String ADJ_FACTOR = "adj_factor";
  public static final String SPLIT_RATIO_AFTER = "split_ratio_after";
  public static final String ADJ_OPEN_USD = "adj_open_usd";
  public static final String ADJ_HIGH_USD = "adj_high_usd";
  public static final String ADJ_LOW_USD = "adj_low_usd";
  public static final String ADJ_CLOSE_USD = "adj_close_usd";
  public static final String ADJ_VWAP_USD = "adj_vwap_usd";
  public static final String ADJ_VOLUME_SHARES = "adj_volume_shares";
  public static final String OHLC_ORDER_OK = "ohlc_order_ok";
  public static final String NONZERO_VOLUME_OK = "nonzero_volume_ok";
  public static final String SESSION_GAP_OK = "session_gap_ok";
  public static final String DQ_SCORE = "dq_score";

  /** The schema above, in order. */
  public static final StructType BARS_DAILY =
      new StructType(BarColumns.SCHEMA.fields().clone())
          .add(TRADING_DATE, DataTypes.DateType, false)
          .add(SOURCE, DataTypes.StringType, false)
          .add(DERIVED_FROM, DataTypes.StringType, false)
          .add(ADJ_FACTOR, DataTypes.DoubleType, false)
          .add(SPLIT_RATIO_AFTER, DataTypes.DoubleType, false)
          .add(ADJ_OPEN_USD, DataTypes.DoubleType, false)
          .add(ADJ_HIGH_USD, DataTypes.DoubleType, false)
          .add(ADJ_LOW_USD, DataTypes.DoubleType, false)
          .add(ADJ_CLOSE_USD, DataTypes.DoubleType, false)
          .add(ADJ_VWAP_USD, DataTypes.DoubleType, false)
          .add(ADJ_VOLUME_SHARES, DataTypes.DoubleType, false)
          .add(OHLC_ORDER_OK, DataTypes.BooleanType, false)
          .add(NONZERO_VOLUME_OK, DataTypes.BooleanType, false)
          .add(SESSION_GAP_OK, DataTypes.BooleanType, false)
          .add(DQ_SCORE, DataTypes.DoubleType, false);

  private SilverColumns() {}
}
