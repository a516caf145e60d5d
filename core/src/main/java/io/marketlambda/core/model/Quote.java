package io.marketlambda.core.model;

import java.time.Instant;

/**
 * One trade or last-price event of a symbol, as carried on the quotes topic.
 *
 * <p>Events are deduplicated on {@code (symbol, eventTime, sequence)}: a replay of the same event
 * carries the same three values.
 *
 * @param symbol the traded symbol
 * @param eventTime the market's time of the trade, a UTC instant from 1970-01-01 to the end of 9999
 *     (not the time it was received; ingestion time is lineage, kept elsewhere)
 * @param priceUsd the trade or last price in USD, finite and greater than zero
 * @param sizeShares the number of shares traded, at least zero; zero for a last-price event that
 *     reports no size
 * @param source the feed that produced the event, a lower-case token such as {@code lean-tick} or
 *     {@code alpha-vantage}
 * @param sequence orders events with equal {@code eventTime} within a source, at least zero
 * @param exchange the market center that reported the trade, its one-letter participant code on the
 *     consolidated tape (e.g. {@code N} NYSE, {@code P} NYSE Arca, {@code D} FINRA trade reporting
 *     facility); null when the feed does not say (Alpha Vantage)
 * @param conditions the trade's sale conditions, a bit set of {@link SaleCondition#mask()}s; 0 when
 *     the feed states none, which the tape reads as a regular sale
 * @param listingExchange the participant code of the symbol's listing (primary) market on the day
 *     of the trade (e.g. {@code N} for IBM, {@code P} for SPY), whose opening and closing auction
 *     prints are the day's official open and close ({@link AuctionPrint}); null when the feed does
 *     not say
 */
public record Quote(
    Symbol symbol,
    Instant eventTime,
    double priceUsd,
    long sizeShares,
    String source,
    long sequence,
    String exchange,
    long conditions,
    String listingExchange) {
  /**
   * Earliest event time of a quote, the Unix epoch: realtime cells are stamped with it in epoch ms,
   * which HBase requires to be non-negative.
   */
  public static final Instant EARLIEST_EVENT_TIME = Instant.EPOCH;

  /**
   * End of the event times of a quote, exclusive: the end of year 9999, Spark's timestamp range.
   */
  public static final Instant END_OF_EVENT_TIME = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * Validates every component.
   *
   * @throws InvalidRecordException naming the first invalid component, e.g. {@code Cannot create
   *     quote IBM 2013-10-07T13:30:00Z: priceUsd -3.2 is not a positive finite number}
   */
  public Quote {
    RecordCheck check = new RecordCheck("quote", symbol, eventTime);
    check.requireNonNull("symbol", symbol);
    check.requireNonNull("eventTime", eventTime);
    check.requireInRange("eventTime", eventTime, EARLIEST_EVENT_TIME, END_OF_EVENT_TIME);
    check.requirePositive("priceUsd", priceUsd);
    check.requireNonNegative("sizeShares", sizeShares);
    check.requireNonNull("source", source);
    if (!isSourceToken(source)) {
      throw check.invalid(
          "source", '"' + source + "\" is not a lower-case token like lean-tick ([a-z0-9._-])");
    }
    check.requireNonNegative("sequence", sequence);
    requireExchangeCode(check, "exchange", exchange);
    requireExchangeCode(check, "listingExchange", listingExchange);
    try {
      SaleCondition.requireKnown(conditions);
    } catch (IllegalArgumentException e) {
      throw check.invalid("conditions", e.getMessage());
    }
  }

  /** A trade whose feed names no exchange and no sale condition (a regular sale). */
  public Quote(
      Symbol symbol,
      Instant eventTime,
      double priceUsd,
      long sizeShares,
      String source,
      long sequence) {
    this(symbol, eventTime, priceUsd, sizeShares, source, sequence, null, 0, null);
  }

  /** A trade whose feed does not name the symbol's listing market. */
  public Quote(
      Symbol symbol,
      Instant eventTime,
      double priceUsd,
      long sizeShares,
      String source,
      long sequence,
      String exchange,
      long conditions) {
    this(symbol, eventTime, priceUsd, sizeShares, source, sequence, exchange, conditions, null);
  }

  private static void requireExchangeCode(RecordCheck check, String field, String code) {
    if (code != null && !isExchangeCode(code)) {
      throw check.invalid(
          field, '"' + code + "\" is not an exchange code like N, P or XNYS ([A-Z0-9]{1,8})");
    }
  }

  /** Whether {@code exchange} is a participant code: 1 to 8 of {@code A-Z} and {@code 0-9}. */
  public static boolean isExchangeCode(String exchange) {
    if (exchange.isEmpty() || exchange.length() > 8) {
      return false;
    }
    for (int i = 0; i < exchange.length(); i++) {
      char c = exchange.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code source} matches {@code [a-z0-9][a-z0-9._-]*} (a loop, not a regex: every quote
   * the speed layer decodes is checked).
   */
  private static boolean isSourceToken(String source) {
    if (source.isEmpty()) {
      return false;
    }
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || (i > 0 && (c == '.' || c == '_' || c == '-'));
      if (!token) {
        return false;
      }
    }
    return true;
  }
}
