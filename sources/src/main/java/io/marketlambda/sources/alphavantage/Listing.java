package io.marketlambda.sources.alphavantage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code LISTING_STATUS} row: a US listing. The symbol is kept as Alpha Vantage spells it
 * ({@code AAC-WS}).
 *
 * @param symbol the vendor's symbol
 * @param name the security's name
 * @param exchange e.g. {@code NYSE}, {@code NASDAQ}, {@code NYSE ARCA}
 * @param assetType {@code Stock} or {@code ETF}
 * @param ipoDate the listing date
 * @param delistingDate the delisting date, {@code null} while listed ({@code null} in the CSV)
 * @param status {@code Active} or {@code Delisted}
 */
public record Listing(
    String symbol,
    String name,
    String exchange,
    String assetType,
    LocalDate ipoDate,
    LocalDate delistingDate,
    String status) {
  /**
   * @throws NullPointerException when a field other than {@code delistingDate} is null
   */
  public Listing {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(assetType, "assetType");
    Objects.requireNonNull(ipoDate, "ipoDate");
    Objects.requireNonNull(status, "status");
  }

  /** Returns the delisting date, empty while listed. */
  public Optional<LocalDate> delisted() {
    return Optional.ofNullable(delistingDate);
  }
}
