package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.time.LocalDate;

/**
 * One row of a Lean map file: the ticker a security traded under up to and including {@code date}
 * (since the previous row's date).
 *
 * @param date the last America/New_York trading date of this ticker (the first row: the first date
 *     of the security's history; the last row: a far-future sentinel, 2050-12-31)
 * @param ticker the ticker in use, upper-cased
 * @param exchange the vendor's primary exchange code ({@code Q} Nasdaq, {@code N} NYSE, {@code P}
 *     NYSE Arca), or empty when the row has none
 */
public record LeanMapRow(LocalDate date, Symbol ticker, String exchange) {
  /**
   * Validates every component.
   *
   * @throws InvalidRecordException naming the first null component
   */
  public LeanMapRow {
    String field =
        date == null ? "date" : ticker == null ? "ticker" : exchange == null ? "exchange" : null;
    if (field != null) {
      throw new InvalidRecordException(
          "Cannot create Lean map row " + date + ": " + field + " is null", field, "is null");
    }
  }
}
