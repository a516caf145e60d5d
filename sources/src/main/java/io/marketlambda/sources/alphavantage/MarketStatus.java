package io.marketlambda.sources.alphavantage;

import java.util.Objects;

/**
 * One market of {@code MARKET_STATUS}.
 *
 * @param marketType {@code Equity}, {@code Forex} or {@code Cryptocurrency}
 * @param region e.g. {@code United States}
 * @param primaryExchanges e.g. {@code NASDAQ, NYSE, AMEX, BATS}
 * @param localOpen local opening time, {@code HH:mm}
 * @param localClose local closing time, {@code HH:mm}
 * @param open whether the API reported the market open ({@code current_status} = {@code open}) when
 *     asked
 * @param notes the API's notes, possibly empty
 */
public record MarketStatus(
    String marketType,
    String region,
    String primaryExchanges,
    String localOpen,
    String localClose,
    boolean open,
    String notes) {
  /**
   * @throws NullPointerException when a field is null
   */
  public MarketStatus {
    Objects.requireNonNull(marketType, "marketType");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(primaryExchanges, "primaryExchanges");
    Objects.requireNonNull(localOpen, "localOpen");
    Objects.requireNonNull(localClose, "localClose");
    Objects.requireNonNull(notes, "notes");
  }
}
