package io.marketlambda.hbaseviews.realtime;

/**
 * The qualifiers of a latest-quote row (family {@code q}): {@code p} price in USD (8-byte double),
 * {@code s} size in shares (8-byte long), {@code t} event time in epoch ms UTC (8-byte long),
 * {@code seq} sequence (8-byte long), {@code src} source (UTF-8). The cell timestamp is the event
 * time, so an older quote arriving late never hides a newer one.
 */
public final class QuoteCells {
  public static final String PRICE_USD = "p";
  public static final String SIZE_SHARES = "s";
  public static final String EVENT_TIME_MILLIS = "t";
  public static final String SEQUENCE = "seq";
  public static final String SOURCE = "src";

  private QuoteCells() {}
}
