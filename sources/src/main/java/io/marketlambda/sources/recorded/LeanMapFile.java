package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ticker history of one security from a QuantConnect Lean map file, {@code
 * map_files/<symbol>.csv}, named after its current ticker:
 *
 * <pre>
 * date,ticker,exchange
 * 19990310,qqq,Q
 * 20041130,qqq,Q
 * 20110322,qqqq,Q
 * 20501231,qqq,Q
 * </pre>
 *
 * <p>A row's ticker was in use from the day after the previous row's date through its own date
 * (America/New_York trading dates): QQQ traded as QQQQ from 2004-12-01 to 2011-03-22. The first
 * row's date is the first date of the security; the last row is a sentinel far in the future.
 *
 * @param symbol the security's current ticker, from the file name
 * @param rows the rows, dates strictly increasing, at least one
 */
public record LeanMapFile(Symbol symbol, List<LeanMapRow> rows) {
  private static final LineFormat FORMAT = new LineFormat("Lean map file", "", 2, 3);

  /**
   * Validates the rows.
   *
   * @throws InvalidRecordException when there are no rows or their dates do not increase
   */
  public LeanMapFile {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new InvalidRecordException(
          "Cannot create Lean map file " + symbol + ": no rows", "rows", "no rows");
    }
    for (int i = 1; i < rows.size(); i++) {
      if (!rows.get(i).date().isAfter(rows.get(i - 1).date())) {
        String reason = "date " + rows.get(i).date() + " does not follow " + rows.get(i - 1).date();
        throw new InvalidRecordException(
            "Cannot create Lean map file " + symbol + ": " + reason, "date", reason);
      }
    }
  }

  /**
   * Reads a map file; bad rows go to the quarantine.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws InvalidRecordException when the file is empty, has no valid row, or its dates do not
   *     increase
   */
  public static LeanMapFile read(Path file, Quarantine quarantine) {
    Symbol symbol = LeanFileName.symbolOfFile(file, ".csv");
    try (RecordedReader<LeanMapRow> reader =
        LineReader.open(FORMAT, file, LeanMapFile::parse, quarantine)) {
      return new LeanMapFile(symbol, reader.readAll());
    }
  }

  private static LeanMapRow parse(CsvRow row) {
    LocalDate date = row.basicDate(0, "date");
    String ticker = row.text(1);
    if (ticker.isEmpty()) {
      throw row.invalid("ticker", "is empty");
    }
    String exchange = row.fields().size() > 2 ? row.text(2) : "";
    try {
      return new LeanMapRow(date, Symbol.of(ticker), exchange);
    } catch (InvalidRecordException e) {
      throw row.invalid("ticker", e.reason());
    }
  }

  /** The first America/New_York trading date of the security (the first row's date). */
  public LocalDate firstDate() {
    return rows.get(0).date();
  }

  /**
   * Returns the ticker in use on a trading date, e.g. QQQQ for QQQ on 2008-01-02; empty before the
   * first date or after the last row's date.
   */
  public Optional<Symbol> tickerOn(LocalDate date) {
    return rowOn(date).map(LeanMapRow::ticker);
  }

  /**
   * Returns the security's primary (listing) exchange on a trading date, e.g. {@code N} for IBM;
   * empty before the first date, after the last row's date, or when the row names none.
   */
  public Optional<String> exchangeOn(LocalDate date) {
    return rowOn(date).map(LeanMapRow::exchange).filter(exchange -> !exchange.isEmpty());
  }

  private Optional<LeanMapRow> rowOn(LocalDate date) {
    if (date.isBefore(firstDate())) {
      return Optional.empty();
    }
    for (LeanMapRow row : rows) {
      if (!row.date().isBefore(date)) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }
}
