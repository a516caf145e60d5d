package io.marketlambda.hbaseviews.realtime;

/**
 * The qualifiers of a bar row (family {@code b}), named as market-data APIs name bar fields. Values
 * are 8-byte big-endian IEEE doubles (HBase {@code Bytes.toBytes(double)}), except {@code n}, an
 * 8-byte big-endian long.
 *
 * <pre>
 * o   open, USD       h   high, USD        l   low, USD       c   close, USD
 * v   volume, shares  vw  VWAP, USD        n   trade count
 * </pre>
 */
public final class BarCells {
  public static final String OPEN_USD = "o";
  public static final String HIGH_USD = "h";
  public static final String LOW_USD = "l";
  public static final String CLOSE_USD = "c";
  public static final String VOLUME_SHARES = "v";
  public static final String VWAP_USD = "vw";
  public static final String TRADE_COUNT = "n";

  private BarCells() {}
}
