package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.Symbol;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One Alpha Vantage call, without the API key: the client adds {@code apikey} when it sends the
 * request, so a request can be logged, planned and compared freely.
 *
 * @param function the API function
 * @param symbol the symbol for functions that take one, else {@code null}
 * @param keywords the search text of {@code SYMBOL_SEARCH}, else {@code null}
 * @param interval the bar length of {@code TIME_SERIES_INTRADAY}, else {@code null}
 * @param month the {@code YYYY-MM} history month of an intraday request, or {@code null} for the
 *     latest bars
 * @param fullOutput {@code outputsize=full} (whole history) instead of the API's default {@code
 *     compact} (latest 100 rows)
 * @param dataType JSON or CSV
 * @param extendedHours for intraday: include pre- and post-market bars (the API's default)
 * @param adjusted for intraday: split- and dividend-adjusted prices (the API's default)
 */
public record AlphaVantageRequest(
    AlphaVantageFunction function,
    Symbol symbol,
    String keywords,
    IntradayInterval interval,
    YearMonth month,
    boolean fullOutput,
    DataType dataType,
    boolean extendedHours,
    boolean adjusted) {

  /**
   * @throws IllegalArgumentException when a parameter the function needs is missing or one it does
   *     not take is set, e.g. {@code Cannot create request TIME_SERIES_INTRADAY IBM: interval is
   *     missing}
   */
  public AlphaVantageRequest {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(dataType, "dataType");
    require(function.needsSymbol() == (symbol != null), function, symbol, "symbol");
    require(
        (function == AlphaVantageFunction.SYMBOL_SEARCH)
            == (keywords != null && !keywords.isBlank()),
        function,
        symbol,
        "keywords");
    boolean intraday = function == AlphaVantageFunction.TIME_SERIES_INTRADAY;
    require(intraday == (interval != null), function, symbol, "interval");
    require(intraday || month == null, function, symbol, "month");
    require(
        function != AlphaVantageFunction.LISTING_STATUS || dataType == DataType.CSV,
        function,
        symbol,
        "datatype (LISTING_STATUS is served as CSV only)");
  }

  /** A JSON request of a symbol's function with the API's defaults (compact output). */
  public static AlphaVantageRequest of(AlphaVantageFunction function, Symbol symbol) {
    return new AlphaVantageRequest(
        function, symbol, null, null, null, false, DataType.JSON, true, true);
  }

  /**
   * The request of a time series or quote by the command line's short names.
   *
   * @param function {@code intraday}, {@code daily}, {@code weekly}, {@code monthly} or {@code
   *     quote}
   * @param interval the intraday bar size ({@code 1min}, {@code 5min}, {@code 15min}, {@code
   *     60min}); ignored for the others
   * @throws IllegalArgumentException naming the value when the function or interval is unknown
   */
  public static AlphaVantageRequest parse(String function, Symbol symbol, String interval) {
    return switch (function) {
      case "intraday" -> intraday(symbol, IntradayInterval.parse(interval));
      case "daily" -> of(AlphaVantageFunction.TIME_SERIES_DAILY, symbol);
      case "weekly" -> of(AlphaVantageFunction.TIME_SERIES_WEEKLY, symbol);
      case "monthly" -> of(AlphaVantageFunction.TIME_SERIES_MONTHLY, symbol);
      case "quote" -> of(AlphaVantageFunction.GLOBAL_QUOTE, symbol);
      default ->
          throw new IllegalArgumentException(
              "Cannot use --function "
                  + function
                  + ": expected intraday, daily, weekly, monthly or quote");
    };
  }

  /** A JSON {@code TIME_SERIES_INTRADAY} request of the latest bars. */
  public static AlphaVantageRequest intraday(Symbol symbol, IntradayInterval interval) {
    return new AlphaVantageRequest(
        AlphaVantageFunction.TIME_SERIES_INTRADAY,
        symbol,
        null,
        interval,
        null,
        false,
        DataType.JSON,
        true,
        true);
  }

  /** A JSON {@code SYMBOL_SEARCH} request. */
  public static AlphaVantageRequest symbolSearch(String keywords) {
    return new AlphaVantageRequest(
        AlphaVantageFunction.SYMBOL_SEARCH,
        null,
        keywords,
        null,
        null,
        false,
        DataType.JSON,
        true,
        true);
  }

  /** A JSON {@code MARKET_STATUS} request. */
  public static AlphaVantageRequest marketStatus() {
    return new AlphaVantageRequest(
        AlphaVantageFunction.MARKET_STATUS,
        null,
        null,
        null,
        null,
        false,
        DataType.JSON,
        true,
        true);
  }

  /** A {@code LISTING_STATUS} request of active listings (always CSV). */
  public static AlphaVantageRequest listingStatus() {
    return new AlphaVantageRequest(
        AlphaVantageFunction.LISTING_STATUS,
        null,
        null,
        null,
        null,
        false,
        DataType.CSV,
        true,
        true);
  }

  /** This request answered as CSV. */
  public AlphaVantageRequest asCsv() {
    return new AlphaVantageRequest(
        function,
        symbol,
        keywords,
        interval,
        month,
        fullOutput,
        DataType.CSV,
        extendedHours,
        adjusted);
  }

  /** This request with the whole history ({@code outputsize=full}). */
  public AlphaVantageRequest withFullOutput() {
    return new AlphaVantageRequest(
        function, symbol, keywords, interval, month, true, dataType, extendedHours, adjusted);
  }

  /** This intraday request for one history month ({@code month=YYYY-MM}). */
  public AlphaVantageRequest forMonth(YearMonth historyMonth) {
    return new AlphaVantageRequest(
        function,
        symbol,
        keywords,
        interval,
        historyMonth,
        fullOutput,
        dataType,
        extendedHours,
        adjusted);
  }

  /** This intraday request limited to the regular session ({@code extended_hours=false}). */
  public AlphaVantageRequest regularSessionOnly() {
    return new AlphaVantageRequest(
        function, symbol, keywords, interval, month, fullOutput, dataType, false, adjusted);
  }

  /** This intraday request with raw, unadjusted prices ({@code adjusted=false}). */
  public AlphaVantageRequest unadjusted() {
    return new AlphaVantageRequest(
        function, symbol, keywords, interval, month, fullOutput, dataType, extendedHours, false);
  }

  /**
   * Returns the query string without {@code apikey}, parameters in a fixed order and URL-encoded,
   * e.g. {@code function=TIME_SERIES_INTRADAY&symbol=IBM&interval=5min&outputsize=full}. Parameters
   * equal to the API's default are left out, except {@code datatype=csv}.
   */
  public String queryString() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("function", function.name());
    if (symbol != null) {
      parameters.put("symbol", symbol.value());
    }
    if (keywords != null) {
      parameters.put("keywords", keywords);
    }
    if (interval != null) {
      parameters.put("interval", interval.apiValue());
      if (month != null) {
        parameters.put("month", month.toString());
      }
      if (!extendedHours) {
        parameters.put("extended_hours", "false");
      }
      if (!adjusted) {
        parameters.put("adjusted", "false");
      }
    }
    if (fullOutput) {
      parameters.put("outputsize", "full");
    }
    if (dataType == DataType.CSV) {
      parameters.put("datatype", "csv");
    }
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * Returns {@code FUNCTION SYMBOL} (or {@code FUNCTION keywords}, or the function alone), with the
   * interval for intraday: the origin of rejected records and the subject of messages, e.g. {@code
   * TIME_SERIES_INTRADAY IBM 5min}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(function.name());
    if (symbol != null) {
      text.append(' ').append(symbol.value());
    }
    if (keywords != null) {
      text.append(" \"").append(keywords).append('"');
    }
    if (interval != null) {
      text.append(' ').append(interval.apiValue());
    }
    if (month != null) {
      text.append(' ').append(month);
    }
    return text.toString();
  }

  private static void require(
      boolean valid, AlphaVantageFunction function, Symbol symbol, String parameter) {
    if (!valid) {
      throw new IllegalArgumentException(
          "Cannot create request "
              + function
              + (symbol == null ? "" : " " + symbol)
              + ": parameter "
              + parameter
              + " is missing or not taken by this function");
    }
  }
}
