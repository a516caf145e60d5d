package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a recorded Alpha Vantage response, a file saved from the API ({@code datatype=json|csv};
 * which one is told by the body: JSON starts with <code>{</code>), into records with their lineage
 * line, for a history import into the master data set. The file names no symbol (a {@code SPLITS}
 * CSV is {@code effective_date,split_factor} only), so the caller gives it.
 *
 * <p>Lineage line: in a CSV file the 1-based line of the row (the header is line 1); in a JSON file
 * the 1-based ordinal of the row in body order (newest first, as sent). Rows that fail validation
 * go to the quarantine (origin: the file's path) and the read goes on, exactly as {@link
 * AlphaVantageParser} does.
 *
 * <p>Errors: {@link UncheckedIOException} when the file cannot be read; for a body that is no data
 * (an {@code Error Message}, {@code Note} or {@code Information} body saved by mistake), is cut
 * short, or is not JSON or CSV, the exceptions of {@link AlphaVantageParser}: the whole file is
 * refused, naming it.
 */
public final class AlphaVantageFileReader {
  /** A record and the lineage line it was read from. */
  public record Lined<T>(T record, long line) {
    public Lined {
      Objects.requireNonNull(record, "record");
    }
  }

  private final Quarantine quarantine;

  /**
   * @param quarantine where rejected rows go
   */
  public AlphaVantageFileReader(Quarantine quarantine) {
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
  }

  /**
   * Reads a {@code SPLITS} response ({@code effective_date,split_factor}: the ex-date and new
   * shares per old share) into splits, source {@code alpha-vantage}.
   */
  public List<Lined<CorporateAction>> readSplits(Symbol symbol, Path file) {
    return read(
        AlphaVantageFunction.SPLITS, symbol, file, table -> row -> OtherRows.split(symbol, row));
  }

  /**
   * Reads a {@code DIVIDENDS} response ({@code ex_dividend_date,...,amount}: the ex-date and USD
   * per share) into cash dividends, source {@code alpha-vantage}.
   */
  public List<Lined<CorporateAction>> readDividends(Symbol symbol, Path file) {
    return read(
        AlphaVantageFunction.DIVIDENDS,
        symbol,
        file,
        table -> row -> OtherRows.dividend(symbol, row));
  }

  /**
   * Reads a {@code TIME_SERIES_DAILY_ADJUSTED} response into raw daily bars with their adjusted
   * close, dividend amount and split coefficient ({@link AdjustedBar#corporateActions()} turns the
   * last two into corporate actions).
   *
   * @throws IllegalArgumentException when a JSON file's {@code Meta Data} names another symbol
   */
  public List<Lined<AdjustedBar>> readDailyAdjusted(Symbol symbol, Path file) {
    AlphaVantageFunction function = AlphaVantageFunction.TIME_SERIES_DAILY_ADJUSTED;
    return read(
        function,
        symbol,
        file,
        table -> {
          String stated = table.metadata().get("symbol");
          if (stated != null && !stated.equalsIgnoreCase(symbol.value())) {
            throw new IllegalArgumentException(
                "Cannot read "
                    + file
                    + " as "
                    + function
                    + " "
                    + symbol
                    + ": its Meta Data symbol is \""
                    + stated
                    + "\"");
          }
          return new BarRows(symbol, BarInterval.ONE_DAY, BarLabel.START, table)::adjustedBar;
        });
  }

  private <T> List<Lined<T>> read(
      AlphaVantageFunction function,
      Symbol symbol,
      Path file,
      Function<ResponseTable, Function<ResponseTable.Row, T>> reader) {
    String body;
    try {
      body = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Alpha Vantage file " + file, e);
    }
    DataType dataType = body.stripLeading().startsWith("{") ? DataType.JSON : DataType.CSV;
    AlphaVantageRequest request =
        new AlphaVantageRequest(function, symbol, null, null, null, true, dataType, true, true);
    return new AlphaVantageParser(BarLabel.START, quarantine)
        .parseTable(
            request,
            body,
            file.toString(),
            table -> {
              Map<ResponseTable.Row, Long> ordinals = new IdentityHashMap<>();
              for (ResponseTable.Row row : table.rows()) {
                ordinals.put(row, row.position() > 0 ? row.position() : ordinals.size() + 1L);
              }
              Function<ResponseTable.Row, T> toRecord = reader.apply(table);
              return row -> new Lined<>(toRecord.apply(row), ordinals.get(row));
            })
        .records();
  }
}
