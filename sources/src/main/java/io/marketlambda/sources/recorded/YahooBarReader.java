package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;

/**
 * Reads a Yahoo Finance daily history download, {@code <symbol>.csv}, into daily {@link Bar}s
 * starting at midnight America/New_York of their date. The symbol comes from the file name:
 *
 * <pre>
 * Date,Open,High,Low,Close,Adj Close,Volume
 * 2020-08-31,127.580002,131.000000,126.000000,129.039993,126.710457,225702700
 * </pre>
 *
 * <ul>
 *   <li>{@code Date}: the America/New_York trading date, {@code yyyy-MM-dd}
 *   <li>{@code Open..Close}: USD, split-adjusted (not dividend-adjusted)
 *   <li>{@code Adj Close}: USD, split- and dividend-adjusted close; checked to be a number, not
 *       kept
 *   <li>{@code Volume}: shares, split-adjusted
 * </ul>
 *
 * <p>Yahoo writes {@code null} in every column of days without data (holidays, halts): such rows go
 * to the quarantine (field {@code Open}, reason {@code "null" ...}). VWAP is approximated by the
 * typical price (see {@link Bar#withTypicalPriceVwap}).
 */
public final class YahooBarReader {
  private static final LineFormat FORMAT =
      LineFormat.withHeader("Yahoo daily bars", "Date,Open,High,Low,Close,Adj Close,Volume");

  private YahooBarReader() {}

  /**
   * Opens a Yahoo Finance daily CSV.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty, lacks the
   *     Yahoo header, or is not named {@code <symbol>.csv}
   */
  public static RecordedReader<Bar> open(Path file, Quarantine quarantine) {
    Symbol symbol = LeanFileName.symbolOfFile(file, ".csv");
    return LineReader.open(FORMAT, file, row -> parse(symbol, row), quarantine);
  }

  private static Bar parse(Symbol symbol, CsvRow row) {
    String[] names = {"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"};
    for (int i = 1; i < names.length; i++) {
      if (row.text(i).equals("null")) {
        throw row.invalid(names[i], "\"null\" (Yahoo writes null for days without data)");
      }
    }
    row.decimal(5, "Adj Close");
    return Bar.withTypicalPriceVwap(
        symbol,
        BarInterval.ONE_DAY,
        MarketTime.startOf(row.isoDate(0, "Date")),
        row.decimal(1, "Open"),
        row.decimal(2, "High"),
        row.decimal(3, "Low"),
        row.decimal(4, "Close"),
        row.decimal(6, "Volume"));
  }
}
