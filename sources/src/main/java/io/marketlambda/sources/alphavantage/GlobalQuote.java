package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.Quote;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A {@code GLOBAL_QUOTE} answer: the last price as a {@link Quote} plus the day's fields.
 *
 * <p>{@code GLOBAL_QUOTE} gives no trade time, only the latest trading day, so the quote's event
 * time is that day's regular close, 16:00 America/New_York (an approximation: the price may be from
 * earlier in the day, or from after hours); its size is 0 (not reported), its source {@code
 * alpha-vantage}. Its sequence is the day's cumulative volume in whole shares: quotes of one day
 * fetched at different times share the event time, and the volume, which only grows during the day,
 * keeps them apart and in order, while a repeated fetch of an unchanged quote deduplicates.
 *
 * @param quote the last price
 * @param latestTradingDay the America/New_York date the fields describe
 * @param openUsd the day's open, USD
 * @param highUsd the day's high, USD
 * @param lowUsd the day's low, USD
 * @param volumeShares the day's volume so far, shares
 * @param previousCloseUsd the previous trading day's close, USD
 * @param changeUsd price minus previous close, USD (may be negative)
 * @param changePercent the change in percent of the previous close, e.g. 0.4207 for {@code 0.4207%}
 */
public record GlobalQuote(
    Quote quote,
    LocalDate latestTradingDay,
    double openUsd,
    double highUsd,
    double lowUsd,
    double volumeShares,
    double previousCloseUsd,
    double changeUsd,
    double changePercent) {
  /**
   * @throws NullPointerException when {@code quote} or {@code latestTradingDay} is null
   */
  public GlobalQuote {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(latestTradingDay, "latestTradingDay");
  }
}
