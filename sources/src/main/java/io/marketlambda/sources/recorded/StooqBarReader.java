package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads Stooq ASCII bar files, {@code <symbol>.us.txt}, daily or five-minute:
 *
 * <pre>
 * &lt;TICKER&gt;,&lt;PER&gt;,&lt;DATE&gt;,&lt;TIME&gt;,&lt;OPEN&gt;,&lt;HIGH&gt;,&lt;LOW&gt;,&lt;CLOSE&gt;,&lt;VOL&gt;,&lt;OPENINT&gt;
 * XYZ.US,D,20050225,000000,44.85,46.10,44.84,46.10,548737.25,0
 * XYZ.US,5,20260515,153000,218.20,220.90,218.20,219.35,78869,0
 * </pre>
 *
 * (Illustrative rows of the format, not vendor data: Stooq's files are never copied here.)
 *
 * <ul>
 *   <li>{@code TICKER}: the symbol with the market suffix {@code .US}; Stooq writes class shares
 *       with a hyphen ({@code BRK-B}), read as the canonical {@code BRK.B}
 *   <li>{@code PER}: {@code D} daily, {@code 5} five minutes
 *   <li>{@code DATE}, {@code TIME}: {@code yyyyMMdd}, {@code HHmmss}. Daily: the America/New_York
 *       trading date, time {@code 000000}. Five-minute: the bar's START on the Europe/Warsaw clock
 *       (15:30 Warsaw = 09:30 New York, except when only one of the two zones is on summer time,
 *       e.g. 2026-03-09..27 when 14:30 Warsaw = 09:30 New York); converted to an instant with the
 *       Europe/Warsaw rules, so the bars land on the right New York times
 *   <li>{@code OPEN..CLOSE}: USD, split- AND dividend-ADJUSTED back from the download date, so they
 *       differ from raw prices of the time (and from Lean's)
 *   <li>{@code VOL}: shares, split-adjusted, often fractional; may be 0 (e.g. 2010-04-26)
 *   <li>{@code OPENINT}: always 0 for stocks, not kept
 * </ul>
 *
 * <p>VWAP is approximated by the typical price (see {@link Bar#withTypicalPriceVwap}). Rows
 * breaking OHLC order (a few: AVB 3, DE 4, NUE 1 in the daily set) go to the quarantine.
 */
public final class StooqBarReader {
  static final String SUFFIX = ".us.txt";
  private static final String HEADER =
      "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>";
  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

  private StooqBarReader() {}

  /**
   * Opens a Stooq daily file; bars start at midnight America/New_York of their date.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws InvalidRecordException when the file is empty or lacks the Stooq header
   */
  public static RecordedReader<Bar> openDaily(Path file, Quarantine quarantine) {
    LineFormat format = LineFormat.withHeader("Stooq daily bars", HEADER);
    return LineReader.open(format, file, row -> parse(row, "D", BarInterval.ONE_DAY), quarantine);
  }

  /**
   * Opens a Stooq five-minute file; times are Europe/Warsaw bar starts.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws InvalidRecordException when the file is empty or lacks the Stooq header
   */
  public static RecordedReader<Bar> openFiveMinute(Path file, Quarantine quarantine) {
    LineFormat format = LineFormat.withHeader("Stooq 5-minute bars", HEADER);
    return LineReader.open(
        format, file, row -> parse(row, "5", BarInterval.FIVE_MINUTES), quarantine);
  }

  /**
   * The canonical symbol of a Stooq ticker or file name stem: {@code brk-b.us} is {@code BRK.B}.
   */
  static Symbol symbolOf(String ticker) {
    String upper = ticker.strip().toUpperCase(Locale.ROOT);
    if (upper.endsWith(".US")) {
      upper = upper.substring(0, upper.length() - 3);
    }
    return Symbol.of(upper.replace('-', '.'));
  }

  private static Bar parse(CsvRow row, String period, BarInterval interval) {
    Symbol symbol;
    try {
      symbol = symbolOf(row.text(0));
    } catch (InvalidRecordException e) {
      throw row.invalid("ticker", e.reason());
    }
    if (!row.text(1).equals(period)) {
      throw row.invalid("period", CsvRow.quoted(row.text(1)) + " is not " + period);
    }
    LocalDate date = row.basicDate(2, "date");
    return Bar.withTypicalPriceVwap(
        symbol,
        interval,
        start(row, date, interval),
        row.decimal(4, "open"),
        row.decimal(5, "high"),
        row.decimal(6, "low"),
        row.decimal(7, "close"),
        row.decimal(8, "volume"));
  }

  private static Instant start(CsvRow row, LocalDate date, BarInterval interval) {
    String text = row.text(3);
    if (interval == BarInterval.ONE_DAY) {
      if (!text.equals("000000")) {
        throw row.invalid("time", CsvRow.quoted(text) + " is not 000000 in a daily file");
      }
      return MarketTime.startOf(date);
    }
    try {
      return date.atTime(LocalTime.parse(text, TIME)).atZone(WARSAW).toInstant();
    } catch (DateTimeParseException e) {
      throw row.invalid("time", CsvRow.quoted(text) + " is not a time HHmmss");
    }
  }
}
