package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.time.LocalDate;
import java.time.LocalTime;

/** Reads the rows of the functions without bars into their records. */
final class OtherRows {
  /** The source of every record made from Alpha Vantage data. */
  static final String SOURCE = "alpha-vantage";

  /** The regular session's close, the event time given to a {@code GLOBAL_QUOTE}. */
  static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

  private OtherRows() {}

  /** See {@link GlobalQuote} for the event time, size and sequence given. */
  static GlobalQuote globalQuote(Symbol requested, ResponseTable.Row row) {
    Symbol symbol = Symbol.of(RowFields.text(row, "symbol"));
    if (!symbol.equals(requested)) {
      throw RowFields.invalid(
          "symbol", '"' + symbol.value() + "\" is not the requested " + requested);
    }
    LocalDate day = RowFields.date(row, "latest_trading_day");
    double volume = RowFields.number(row, "volume");
    Quote quote =
        new Quote(
            symbol,
            day.atTime(REGULAR_CLOSE).atZone(MarketTime.MARKET_ZONE).toInstant(),
            RowFields.number(row, "price"),
            0,
            SOURCE,
            (long) volume);
    return new GlobalQuote(
        quote,
        day,
        RowFields.number(row, "open"),
        RowFields.number(row, "high"),
        RowFields.number(row, "low"),
        volume,
        RowFields.number(row, "previous_close"),
        RowFields.number(row, "change"),
        RowFields.number(row, "change_percent"));
  }

  static SymbolMatch symbolMatch(ResponseTable.Row row) {
    return new SymbolMatch(
        RowFields.text(row, "symbol"),
        RowFields.text(row, "name"),
        RowFields.text(row, "type"),
        RowFields.text(row, "region"),
        RowFields.text(row, "market_open"),
        RowFields.text(row, "market_close"),
        RowFields.text(row, "timezone"),
        RowFields.text(row, "currency"),
        RowFields.number(row, "match_score"));
  }

  static Listing listing(ResponseTable.Row row) {
    return new Listing(
        RowFields.text(row, "symbol"),
        RowFields.text(row, "name"),
        RowFields.text(row, "exchange"),
        RowFields.text(row, "asset_type"),
        RowFields.date(row, "ipo_date"),
        RowFields.optionalDate(row, "delisting_date"),
        RowFields.text(row, "status"));
  }

  static MarketStatus marketStatus(ResponseTable.Row row) {
    return new MarketStatus(
        RowFields.text(row, "market_type"),
        RowFields.text(row, "region"),
        RowFields.text(row, "primary_exchanges"),
        RowFields.text(row, "local_open"),
        RowFields.text(row, "local_close"),
        RowFields.text(row, "current_status").equalsIgnoreCase("open"),
        RowFields.optionalText(row, "notes"));
  }

  /** A {@code SPLITS} row: {@code effective_date,split_factor}, factor = new per old shares. */
  static CorporateAction split(Symbol symbol, ResponseTable.Row row) {
    return CorporateAction.split(
        symbol,
        RowFields.date(row, "effective_date"),
        RowFields.number(row, "split_factor"),
        SOURCE);
  }

  /** A {@code DIVIDENDS} row: ex-date {@code ex_dividend_date}, USD per share {@code amount}. */
  static CorporateAction dividend(Symbol symbol, ResponseTable.Row row) {
    return CorporateAction.cashDividend(
        symbol, RowFields.date(row, "ex_dividend_date"), RowFields.number(row, "amount"), SOURCE);
  }
}
