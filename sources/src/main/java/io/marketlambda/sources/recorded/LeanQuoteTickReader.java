package io.marketlambda.sources.recorded;

import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;

/**
 * Reads a QuantConnect Lean quote tick file, {@code yyyyMMdd_<symbol>_Quote_Tick.csv}, into {@link
 * BidAskTick}s. The trading date and the symbol come from the file name; each row is one update:
 *
 * <pre>
 * time,bid,bidsize,ask,asksize,exchange,condition,suspicious
 * 14400241,1800100,300,0,0,P,1,0
 * </pre>
 *
 * <ul>
 *   <li>{@code time}: milliseconds since midnight America/New_York (wall clock) of the file's date
 *   <li>{@code bid}, {@code ask}: USD x 10,000, 0 for the side this update does not carry
 *   <li>{@code bidsize}, {@code asksize}: shares
 *   <li>{@code exchange}: vendor code, kept; {@code condition}: not kept
 *   <li>{@code suspicious}: {@code 1} when the vendor flagged it; such rows go to the quarantine
 *       with reason {@code flagged suspicious by the vendor}, like trade ticks
 * </ul>
 */
public final class LeanQuoteTickReader {
  static final String KIND = "Quote_Tick";
  private static final LineFormat FORMAT = LineFormat.headerless("Lean quote ticks", 8);

  private LeanQuoteTickReader() {}

  /**
   * Opens a quote tick file.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty or its name is
   *     not {@code yyyyMMdd_<symbol>_Quote_Tick.csv}
   */
  public static RecordedReader<BidAskTick> open(Path file, Quarantine quarantine) {
    LeanFileName name = LeanFileName.parse(file, KIND);
    return LineReader.open(
        FORMAT,
        file,
        row -> {
          LeanTime.rejectSuspicious(row, 7);
          return new BidAskTick(
              name.symbol(),
              LeanTime.instant(name.date(), row.wholeNumber(0, "time"), row),
              row.leanPriceUsd(1, "bid"),
              row.wholeNumber(2, "bidsize"),
              row.leanPriceUsd(3, "ask"),
              row.wholeNumber(4, "asksize"),
              row.text(5),
              row.lineNumber());
        },
        quarantine);
  }
}
