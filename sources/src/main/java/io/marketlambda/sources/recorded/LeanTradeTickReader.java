package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads a QuantConnect Lean trade tick file, {@code yyyyMMdd_<symbol>_Trade_Tick.csv}, into {@link
 * Quote}s. The trading date and the symbol come from the file name; each row is one trade:
 *
 * <pre>
 * time,price,size,exchange,condition,suspicious
 * 34200132,1818000,500,P,2000,0
 * </pre>
 *
 * <ul>
 *   <li>{@code time}: milliseconds since midnight America/New_York (wall clock) of the file's date
 *   <li>{@code price}: USD x 10,000 (1818000 = 181.80 USD)
 *   <li>{@code size}: shares
 *   <li>{@code exchange}: the reporting market center's participant code on the consolidated tape
 *       ({@code P} NYSE Arca, {@code N} NYSE, {@code D} FINRA trade reporting facility, ...), kept
 *       as {@link Quote#exchange()}; empty for none
 *   <li>{@code condition}: the sale conditions, AlgoSeek's flag bits in hexadecimal ({@code
 *       20000020} = trade-through exempt and intermarket sweep), whose layout {@link SaleCondition}
 *       uses, kept as {@link Quote#conditions()}; a bit no condition uses is rejected
 *   <li>{@code suspicious}: {@code 1} when the vendor flagged the tick as suspicious, {@code 0}
 *       otherwise; the column may be missing (older files). Flagged ticks are NOT accepted: they go
 *       to the quarantine with reason {@code flagged suspicious by the vendor}, so that an outlier
 *       the vendor already doubted never reaches a bar.
 * </ul>
 *
 * <p>Quotes carry source {@value #SOURCE} and, as sequence, the 1-based line number, so a replay of
 * the same file yields identical quotes. Rows that fail go to the quarantine with their line.
 */
public final class LeanTradeTickReader {
  /** The {@link Quote#source()} of Lean trade ticks. */
  public static final String SOURCE = "lean-tick";

  static final String KIND = "Trade_Tick";
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final LineFormat FORMAT = new LineFormat("Lean trade ticks", "", 5, 6);

  private LeanTradeTickReader() {}

  /**
   * Opens a trade tick file. When Lean's map file of the symbol lies beside the file's folder
   * ({@code .../map_files/<symbol>.csv} next to {@code .../tick/}), every quote carries the primary
   * exchange it names for the file's date as {@link Quote#listingExchange()}, so that the listing
   * market's auction prints are the day's official open and close.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty or its name is
   *     not {@code yyyyMMdd_<symbol>_Trade_Tick.csv}, or the map file beside it cannot be read or
   *     names no valid exchange code for the date
   */
  public static RecordedReader<Quote> open(Path file, Quarantine quarantine) {
    LeanFileName name = LeanFileName.parse(file, KIND);
    Path map =
        file.toAbsolutePath()
            .getParent()
            .resolveSibling("map_files")
            .resolve(name.symbol().value().toLowerCase(java.util.Locale.ROOT) + ".csv");
    String listingExchange =
        Files.isRegularFile(map)
            ? LeanMapFile.read(map, quarantine).exchangeOn(name.date()).orElse(null)
            : null;
    if (listingExchange != null && !Quote.isExchangeCode(listingExchange)) {
      String reason =
          '"' + listingExchange + "\" is not an exchange code like N or P ([A-Z0-9]{1,8})";
      throw new io.marketlambda.core.model.InvalidRecordException(
          "Cannot read the listing exchange of "
              + name.symbol()
              + " on "
              + name.date()
              + " from "
              + map
              + ": "
              + reason,
          "exchange",
          reason);
    }
    return LineReader.open(FORMAT, file, row -> parse(name, listingExchange, row), quarantine);
  }

  private static Quote parse(LeanFileName name, String listingExchange, CsvRow row) {
    if (row.fields().size() > 5) {
      LeanTime.rejectSuspicious(row, 5);
    }
    Instant eventTime = LeanTime.instant(name.date(), row.wholeNumber(0, "time"), row);
    double priceUsd = row.leanPriceUsd(1, "price");
    long sizeShares = row.wholeNumber(2, "size");
    String exchange = row.text(3);
    long conditions = conditions(row);
    return new Quote(
        name.symbol(),
        eventTime,
        priceUsd,
        sizeShares,
        SOURCE,
        row.lineNumber(),
        exchange.isEmpty() ? null : exchange,
        conditions,
        listingExchange);
  }

  private static long conditions(CsvRow row) {
    String text = row.text(4);
    if (text.isEmpty()) {
      return 0;
    }
    if (text.length() > 8 || !HEX.matcher(text).matches()) {
      throw row.invalid("condition", CsvRow.quoted(text) + " is not 1 to 8 hexadecimal digits");
    }
    long bits = Long.parseLong(text, 16);
    try {
      SaleCondition.requireKnown(bits);
    } catch (IllegalArgumentException e) {
      throw row.invalid("condition", CsvRow.quoted(text) + ": " + e.getMessage());
    }
    return bits;
  }
}
