package io.marketlambda.hbaseviews.realtime;

/**
 * The cells of an alerts row (family {@code a}, table {@code alerts}), one row per symbol and bar
 * start that raised at least one alert. Per alert, two qualifiers named after its type's code: the
 * measured value under {@code <code>} and the threshold under {@code <code>.threshold}, both 8-byte
 * big-endian IEEE doubles. Every alert in the realtime views is provisional.
 */
public final class AlertCells {
  /** The suffix of a threshold's qualifier. */
  public static final String THRESHOLD_SUFFIX = ".threshold";

  private AlertCells() {}
}
