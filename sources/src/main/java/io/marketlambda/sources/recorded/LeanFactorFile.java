package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The split and dividend factors of one security from a QuantConnect Lean factor file, {@code
 * factor_files/<symbol>.csv}:
 *
 * <pre>
 * date,priceFactor,splitFactor,referencePrice
 * 20200806,0.9949942,0.25,455.61
 * 20200828,0.9967882,0.25,499.23
 * 20201105,0.9967882,1,119.03
 * 20501231,1,1,0
 * </pre>
 *
 * <p>See {@link LeanFactorRow} for the meaning of a row. A change of factors between two rows is a
 * corporate action whose ex-date is the first trading date after the earlier row's date: above, the
 * split factor goes from 0.25 to 1 after 2020-08-28 (AAPL's 4:1 split, ex-date 2020-08-31) and the
 * price factor from 0.9949942 to 0.9967882 after 2020-08-06 (a dividend of 455.61 x (1 - 0.9949942
 * / 0.9967882) = 0.82 USD, ex-date 2020-08-07).
 *
 * @param symbol the security's current ticker, from the file name
 * @param rows the rows, dates strictly increasing, at least one
 */
public record LeanFactorFile(Symbol symbol, List<LeanFactorRow> rows) {
  /** The {@link CorporateAction#source()} of the derived actions. */
  public static final String SOURCE = "lean";

  private static final LineFormat FORMAT = LineFormat.headerless("Lean factor file", 4);

  /**
   * Validates the rows.
   *
   * @throws InvalidRecordException when there are no rows or their dates do not increase
   */
  public LeanFactorFile {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new InvalidRecordException(
          "Cannot create Lean factor file " + symbol + ": no rows", "rows", "no rows");
    }
    for (int i = 1; i < rows.size(); i++) {
      if (!rows.get(i).date().isAfter(rows.get(i - 1).date())) {
        String reason = "date " + rows.get(i).date() + " does not follow " + rows.get(i - 1).date();
        throw new InvalidRecordException(
            "Cannot create Lean factor file " + symbol + ": " + reason, "date", reason);
      }
    }
  }

  /**
   * Reads a factor file; bad rows go to the quarantine.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws InvalidRecordException when the file is empty, has no valid row, or its dates do not
   *     increase
   */
  public static LeanFactorFile read(Path file, Quarantine quarantine) {
    Symbol symbol = LeanFileName.symbolOfFile(file, ".csv");
    try (RecordedReader<LeanFactorRow> reader =
        LineReader.open(FORMAT, file, LeanFactorFile::parse, quarantine)) {
      return new LeanFactorFile(symbol, reader.readAll());
    }
  }

  private static LeanFactorRow parse(CsvRow row) {
    return new LeanFactorRow(
        row.basicDate(0, "date"),
        row.decimal(1, "priceFactor"),
        row.decimal(2, "splitFactor"),
        row.decimal(3, "referencePrice"));
  }

  /**
   * Returns the row whose factors apply to raw prices of {@code tradingDate}: the first row dated
   * on or after it (the last row for dates after every row).
   */
  public LeanFactorRow rowFor(LocalDate tradingDate) {
    for (LeanFactorRow row : rows) {
      if (!row.date().isBefore(tradingDate)) {
        return row;
      }
    }
    return rows.get(rows.size() - 1);
  }

  /**
   * Derives the splits and cash dividends, in ex-date order, taking as ex-date the next weekday
   * after a row's date. A holiday after that date (Lean dates rows by trading day) makes that
   * ex-date one trading day early; {@link #corporateActions(NavigableSet)} avoids it.
   */
  public List<CorporateAction> corporateActions() {
    return corporateActions(new TreeSet<>());
  }

  /**
   * Derives the splits and cash dividends, in ex-date order. Between two consecutive rows:
   *
   * <ul>
   *   <li>a split when the split factor changes: ratio = later / earlier split factor, rounded to 4
   *       decimals (the files keep 6 to 7 significant digits: 0.25 / 0.0357143 = 6.99999 is 7:1)
   *   <li>a cash dividend when the price factor changes: USD = earlier reference price x (1 -
   *       earlier / later price factor), rounded to 4 decimals; the factors' 7 digits make it
   *       accurate to about 0.0002 USD (AAPL's 2.65 of 2012-08-09 comes out as 2.6499). Lean
   *       encodes any cash-like distribution so.
   * </ul>
   *
   * The ex-date is the first date of {@code tradingDates} after the earlier row's date, or the next
   * weekday when {@code tradingDates} has none (e.g. pass the dates of the Lean daily file).
   */
  public List<CorporateAction> corporateActions(NavigableSet<LocalDate> tradingDates) {
    List<CorporateAction> actions = new ArrayList<>();
    for (int i = 0; i + 1 < rows.size(); i++) {
      LeanFactorRow before = rows.get(i);
      LeanFactorRow after = rows.get(i + 1);
      LocalDate exDate = nextTradingDate(before.date(), tradingDates);
      if (after.splitFactor() != before.splitFactor()) {
        double ratio = round4(after.splitFactor() / before.splitFactor());
        actions.add(CorporateAction.split(symbol, exDate, ratio, SOURCE));
      }
      if (after.priceFactor() != before.priceFactor()) {
        double amountUsd =
            round4(before.referencePriceUsd() * (1 - before.priceFactor() / after.priceFactor()));
        if (amountUsd > 0) {
          actions.add(CorporateAction.cashDividend(symbol, exDate, amountUsd, SOURCE));
        }
      }
    }
    return List.copyOf(actions);
  }

  private static LocalDate nextTradingDate(LocalDate date, NavigableSet<LocalDate> tradingDates) {
    LocalDate next = tradingDates.higher(date);
    if (next != null) {
      return next;
    }
    next = date.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
