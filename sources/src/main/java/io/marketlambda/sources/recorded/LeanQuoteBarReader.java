package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;

/**
 * Reads a QuantConnect Lean minute quote bar file, {@code yyyyMMdd_<symbol>_minute_quote.csv}, into
 * one-minute {@link BidAskBar}s. The trading date and the symbol come from the file name:
 *
 * <pre>
 * time,bidOpen,bidHigh,bidLow,bidClose,lastBidSize,askOpen,askHigh,askLow,askClose,lastAskSize
 * 14400000,1672700,1672700,1671500,1672500,300,1680000,1680000,1672600,1672700,20000
 * </pre>
 *
 * <ul>
 *   <li>{@code time}: the bar's START, milliseconds since midnight America/New_York (wall clock)
 *   <li>prices: USD x 10,000; sizes: shares
 * </ul>
 *
 * <p>A row with an empty side (Lean leaves the columns empty when no quote was seen) goes to the
 * quarantine; none of the shared files has one. Stub quotes are kept as written, e.g. the AAPL
 * 2014-06-09 04:00 bid opening at 1.00 USD.
 */
public final class LeanQuoteBarReader {
  static final String KIND = "minute_quote";
  private static final LineFormat FORMAT = LineFormat.headerless("Lean minute quote bars", 11);

  private LeanQuoteBarReader() {}

  /**
   * Opens a minute quote bar file.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws InvalidRecordException when the file is empty or its name is not {@code
   *     yyyyMMdd_<symbol>_minute_quote.csv}
   */
  public static RecordedReader<BidAskBar> open(Path file, Quarantine quarantine) {
    LeanFileName name = LeanFileName.parse(file, KIND);
    return LineReader.open(
        FORMAT,
        file,
        row ->
            new BidAskBar(
                name.symbol(),
                BarInterval.ONE_MINUTE,
                LeanTime.instant(name.date(), row.wholeNumber(0, "time"), row),
                side(row, 1, "bid"),
                row.wholeNumber(5, "lastBidSize"),
                side(row, 6, "ask"),
                row.wholeNumber(10, "lastAskSize")),
        quarantine);
  }

  private static BidAskBar.Ohlc side(CsvRow row, int first, String side) {
    double open = row.leanPriceUsd(first, side + "Open");
    double high = row.leanPriceUsd(first + 1, side + "High");
    double low = row.leanPriceUsd(first + 2, side + "Low");
    double close = row.leanPriceUsd(first + 3, side + "Close");
    try {
      return new BidAskBar.Ohlc(open, high, low, close);
    } catch (InvalidRecordException e) {
      String field = side + Character.toUpperCase(e.field().charAt(0)) + e.field().substring(1);
      throw row.invalid(field, e.reason());
    }
  }
}
