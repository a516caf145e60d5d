package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;

/**
 * Reads a QuantConnect Lean minute trade bar file, {@code yyyyMMdd_<symbol>_minute_trade.csv}, into
 * one-minute {@link Bar}s. The trading date and the symbol come from the file name:
 *
 * <pre>
 * time,open,high,low,close,volume
 * 34200000,1818000,1819900,1817500,1819000,40123
 * </pre>
 *
 * <ul>
 *   <li>{@code time}: the bar's START, milliseconds since midnight America/New_York (wall clock);
 *       files run from 04:00 to 20:00 New York time (pre- and post-market included)
 *   <li>{@code open..close}: RAW (unadjusted) prices, USD x 10,000
 *   <li>{@code volume}: shares
 * </ul>
 *
 * <p>VWAP is approximated by the typical price (see {@link Bar#withTypicalPriceVwap}); trade count
 * is 0 (unknown). Bars breaking OHLC order go to the quarantine. Outliers that keep OHLC order are
 * accepted as the vendor wrote them, e.g. AAPL 2014-06-09 04:00, which mixes pre-split (open
 * 645.57) and post-split (low 92.23) prices.
 */
public final class LeanMinuteBarReader {
  static final String KIND = "minute_trade";
  private static final LineFormat FORMAT = LineFormat.headerless("Lean minute trade bars", 6);

  private LeanMinuteBarReader() {}

  /**
   * Opens a minute trade bar file.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty or its name is
   *     not {@code yyyyMMdd_<symbol>_minute_trade.csv}
   */
  public static RecordedReader<Bar> open(Path file, Quarantine quarantine) {
    LeanFileName name = LeanFileName.parse(file, KIND);
    return LineReader.open(
        FORMAT,
        file,
        row ->
            Bar.withTypicalPriceVwap(
                name.symbol(),
                BarInterval.ONE_MINUTE,
                LeanTime.instant(name.date(), row.wholeNumber(0, "time"), row),
                row.leanPriceUsd(1, "open"),
                row.leanPriceUsd(2, "high"),
                row.leanPriceUsd(3, "low"),
                row.leanPriceUsd(4, "close"),
                row.decimal(5, "volume")),
        quarantine);
  }
}
