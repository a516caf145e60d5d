package io.marketlambda.sources.alphavantage;

import java.util.Objects;

/**
 * One {@code SYMBOL_SEARCH} match. The symbol is kept as Alpha Vantage spells it ({@code TSCO.LON},
 * {@code 6190.HKG}), which is not always a canonical marketlambda symbol.
 *
 * @param symbol the vendor's symbol
 * @param name the security's name
 * @param type e.g. {@code Equity}, {@code ETF}, {@code Mutual Fund}
 * @param region e.g. {@code United States}
 * @param marketOpen local opening time, {@code HH:mm}
 * @param marketClose local closing time, {@code HH:mm}
 * @param timezone the market's UTC offset as the API writes it, e.g. {@code UTC-04}
 * @param currency ISO code, or {@code GBX} for pence
 * @param matchScore from 0 to 1, 1 for an exact match
 */
public record SymbolMatch(
    String symbol,
    String name,
    String type,
    String region,
    String marketOpen,
    String marketClose,
    String timezone,
    String currency,
    double matchScore) {
  /**
   * @throws IllegalArgumentException when the symbol is blank or the score is outside [0, 1]
   */
  public SymbolMatch {
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank() || !(matchScore >= 0 && matchScore <= 1)) {
      throw new IllegalArgumentException(
          "Cannot create symbol match: symbol \"" + symbol + "\", score " + matchScore);
    }
  }
}
