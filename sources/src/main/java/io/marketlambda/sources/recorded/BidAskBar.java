package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;

/**
 * The best bid and best ask of a symbol over one interval, each as OHLC, labelled by the interval's
 * start, with the sizes quoted last.
 *
 * @param symbol the quoted symbol
 * @param interval the length of the bar
 * @param start the first instant the bar covers (UTC), on a boundary of {@code interval}
 * @param bid the bid prices in USD
 * @param lastBidSizeShares the size of the last bid of the interval, at least 0
 * @param ask the ask prices in USD
 * @param lastAskSizeShares the size of the last ask of the interval, at least 0
 */
public record BidAskBar(
    Symbol symbol,
    BarInterval interval,
    Instant start,
    Ohlc bid,
    long lastBidSizeShares,
    Ohlc ask,
    long lastAskSizeShares) {

  /**
   * Validates every component.
   *
   * @throws InvalidRecordException naming the first invalid component
   */
  public BidAskBar {
    if (symbol == null || interval == null || start == null || bid == null || ask == null) {
      throw new InvalidRecordException(
          "Cannot create bid/ask bar " + symbol + " " + start + ": a component is null",
          "$",
          "a component is null");
    }
    if (!interval.startOf(start).equals(start)) {
      String reason = start + " is not on a " + interval + " boundary";
      throw new InvalidRecordException(
          "Cannot create bid/ask bar " + symbol + ": start " + reason, "start", reason);
    }
    if (lastBidSizeShares < 0 || lastAskSizeShares < 0) {
      String field = lastBidSizeShares < 0 ? "lastBidSizeShares" : "lastAskSizeShares";
      throw new InvalidRecordException(
          "Cannot create bid/ask bar " + symbol + " " + start + ": " + field + " is negative",
          field,
          "is negative");
    }
  }

  /**
   * Open, high, low and close of one side, USD, positive and finite, {@code low <= open, close <=
   * high}.
   *
   * @param openUsd the first price
   * @param highUsd the highest price
   * @param lowUsd the lowest price
   * @param closeUsd the last price
   */
  public record Ohlc(double openUsd, double highUsd, double lowUsd, double closeUsd) {
    /**
     * Validates the prices.
     *
     * @throws InvalidRecordException naming the first invalid price
     */
    public Ohlc {
      requirePositive("openUsd", openUsd);
      requirePositive("highUsd", highUsd);
      requirePositive("lowUsd", lowUsd);
      requirePositive("closeUsd", closeUsd);
      if (lowUsd > Math.min(openUsd, closeUsd)) {
        throw invalid("lowUsd", lowUsd + " is above the open or close");
      }
      if (highUsd < Math.max(openUsd, closeUsd)) {
        throw invalid("highUsd", highUsd + " is below the open or close");
      }
    }

    private static void requirePositive(String field, double value) {
      if (!(Double.isFinite(value) && value > 0)) {
        throw invalid(field, value + " is not a positive finite number");
      }
    }

    private static InvalidRecordException invalid(String field, String reason) {
      return new InvalidRecordException(
          "Cannot create OHLC: " + field + " " + reason, field, reason);
    }
  }
}
