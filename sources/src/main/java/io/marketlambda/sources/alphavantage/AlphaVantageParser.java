package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.sources.alphavantage.AlphaVantageFunction.Shape;
import io.marketlambda.sources.quarantine.Quarantine;
import java.util.Objects;
import java.util.function.Function;

/**
 * Parses Alpha Vantage bodies, JSON or CSV as the request asked, into model records. Rows that fail
 * validation go to the quarantine (origin: the request's {@link AlphaVantageRequest#describe()} or
 * the given origin; position: the CSV line, 0 for JSON) and parsing goes on. A non-data body is
 * never parsed: it is classified ({@link NonDataResponse}) and thrown.
 *
 * <p>Every method throws, before reading any row: {@link AlphaVantageRequestException}, {@link
 * AlphaVantageTransientException} or {@link AlphaVantageQuotaException} for a non-data body (see
 * {@link NonDataResponse#toException}); {@link AlphaVantageTransientException} for a truncated
 * body; {@link AlphaVantageRequestException} for a body that is not the JSON or CSV asked for;
 * {@link IllegalArgumentException} when the request's function does not produce the records asked
 * for.
 */
public final class AlphaVantageParser {
  private final BarLabel intradayLabel;
  private final Quarantine quarantine;

  /**
   * @param intradayLabel whether intraday timestamps name the bar's start or end ({@code
   *     alphavantage.intraday-label})
   * @param quarantine where rejected rows go
   */
  public AlphaVantageParser(BarLabel intradayLabel, Quarantine quarantine) {
    this.intradayLabel = Objects.requireNonNull(intradayLabel, "intradayLabel");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
  }

  /**
   * Parses a time series into bars, newest first as sent; for an {@code *_ADJUSTED} function the
   * adjustment fields are dropped (see {@link #parseAdjustedBars}).
   *
   * @throws UnsupportedOperationException for 30-minute intraday bars (no such bar interval)
   */
  public ParseResult<Bar> parseBars(AlphaVantageRequest request, String body, String origin) {
    requireShape(request, Shape.BARS, Shape.ADJUSTED_BARS);
    return parseTable(request, body, origin, table -> barRows(request, table)::bar);
  }

  /** Parses with the request's description as origin. */
  public ParseResult<Bar> parseBars(AlphaVantageRequest request, String body) {
    return parseBars(request, body, request.describe());
  }

  /** Parses an {@code *_ADJUSTED} series into bars with adjusted close, dividend and split. */
  public ParseResult<AdjustedBar> parseAdjustedBars(
      AlphaVantageRequest request, String body, String origin) {
    requireShape(request, Shape.ADJUSTED_BARS);
    return parseTable(request, body, origin, table -> barRows(request, table)::adjustedBar);
  }

  /** Parses a {@code GLOBAL_QUOTE}: one record, or none when the API sent an empty quote. */
  public ParseResult<GlobalQuote> parseGlobalQuote(
      AlphaVantageRequest request, String body, String origin) {
    requireShape(request, Shape.QUOTE);
    return parseTable(
        request, body, origin, table -> row -> OtherRows.globalQuote(request.symbol(), row));
  }

  /** Parses {@code SYMBOL_SEARCH} matches, best first. */
  public ParseResult<SymbolMatch> parseSymbolMatches(
      AlphaVantageRequest request, String body, String origin) {
    requireFunction(request, AlphaVantageFunction.SYMBOL_SEARCH);
    return parseTable(request, body, origin, table -> OtherRows::symbolMatch);
  }

  /** Parses {@code LISTING_STATUS} rows. */
  public ParseResult<Listing> parseListings(
      AlphaVantageRequest request, String body, String origin) {
    requireFunction(request, AlphaVantageFunction.LISTING_STATUS);
    return parseTable(request, body, origin, table -> OtherRows::listing);
  }

  /** Parses {@code MARKET_STATUS} markets. */
  public ParseResult<MarketStatus> parseMarketStatus(
      AlphaVantageRequest request, String body, String origin) {
    requireFunction(request, AlphaVantageFunction.MARKET_STATUS);
    return parseTable(request, body, origin, table -> OtherRows::marketStatus);
  }

  /**
   * Parses {@code SPLITS} or {@code DIVIDENDS} into corporate actions, source {@code
   * alpha-vantage}.
   */
  public ParseResult<CorporateAction> parseCorporateActions(
      AlphaVantageRequest request, String body, String origin) {
    requireShape(request, Shape.CORPORATE_ACTIONS);
    boolean splits = request.function() == AlphaVantageFunction.SPLITS;
    return parseTable(
        request,
        body,
        origin,
        table ->
            row ->
                splits
                    ? OtherRows.split(request.symbol(), row)
                    : OtherRows.dividend(request.symbol(), row));
  }

  private BarRows barRows(AlphaVantageRequest request, ResponseTable table) {
    BarInterval interval =
        request.interval() != null
            ? request.interval().barInterval()
            : request.function().calendarInterval().orElseThrow();
    String stated = table.metadata().get("interval");
    if (request.interval() != null
        && stated != null
        && !stated.equals(request.interval().apiValue())) {
      throw new IllegalArgumentException(
          "Meta Data interval \""
              + stated
              + "\" is not the requested "
              + request.interval().apiValue());
    }
    String symbol = table.metadata().get("symbol");
    if (symbol != null && !symbol.equalsIgnoreCase(request.symbol().value())) {
      throw new IllegalArgumentException(
          "Meta Data symbol \"" + symbol + "\" is not the requested " + request.symbol());
    }
    return new BarRows(request.symbol(), interval, intradayLabel, table);
  }

  /** Checks the body (non-data, truncated, not the data type asked for), then reads its rows. */
  <T> ParseResult<T> parseTable(
      AlphaVantageRequest request,
      String body,
      String origin,
      Function<ResponseTable, Function<ResponseTable.Row, T>> reader) {
    String call = request.describe();
    NonDataResponse.find(body)
        .ifPresent(
            nonData -> {
              throw nonData.toException(call);
            });
    ResponseTable table;
    Function<ResponseTable.Row, T> toRecord;
    try {
      table = ResponseBodies.read(request.dataType(), body);
      toRecord = reader.apply(table);
    } catch (TruncatedBodyException e) {
      throw new AlphaVantageTransientException(
          AlphaVantageException.message(
              call, "the body is truncated: " + e.getMessage(), null, "retry the call"),
          call,
          null,
          false,
          e);
    } catch (IllegalArgumentException e) {
      throw new AlphaVantageRequestException(
          AlphaVantageException.message(
              call,
              "cannot read the body as " + request.dataType() + ": " + e.getMessage(),
              null,
              "not retried"),
          call,
          null,
          null,
          e);
    }
    return RowParsing.parse(origin, table, quarantine, toRecord);
  }

  private static void requireFunction(AlphaVantageRequest request, AlphaVantageFunction function) {
    if (request.function() != function) {
      throw new IllegalArgumentException(
          "Cannot parse " + request.describe() + " as " + function + ": wrong parser method");
    }
  }

  private static void requireShape(AlphaVantageRequest request, Shape... shapes) {
    for (Shape shape : shapes) {
      if (request.function().shape() == shape) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "Cannot parse " + request.describe() + " as " + shapes[0] + ": wrong parser method");
  }
}
