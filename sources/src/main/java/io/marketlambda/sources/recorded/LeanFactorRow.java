package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import java.time.LocalDate;

/**
 * One row of a Lean factor file. Its factors apply to raw prices of trading dates up to and
 * including {@code date} (since the previous row's date): adjusted price = raw price x {@code
 * priceFactor} x {@code splitFactor}.
 *
 * @param date the last America/New_York trading date the factors apply to: the trading day BEFORE
 *     the ex-date of the action that changes them (AAPL's row 2020-08-28 precedes its 2020-08-31
 *     split); the last row of a file is a sentinel, 2050-12-31 with factors 1
 * @param priceFactor the cumulative dividend factor, finite and positive, 1 for the latest prices
 * @param splitFactor the cumulative split factor, finite and positive, 1 for the latest prices
 * @param referencePriceUsd the raw close on {@code date}, USD, at least 0 (0 in the sentinel row, 1
 *     in some first rows)
 */
public record LeanFactorRow(
    LocalDate date, double priceFactor, double splitFactor, double referencePriceUsd) {
  public LeanFactorRow {
    if (date == null) {
      throw invalid(null, "date", "is null");
    }
    if (!(Double.isFinite(priceFactor) && priceFactor > 0)) {
      throw invalid(date, "priceFactor", priceFactor + " is not a positive finite number");
    }
    if (!(Double.isFinite(splitFactor) && splitFactor > 0)) {
      throw invalid(date, "splitFactor", splitFactor + " is not a positive finite number");
    }
    if (!(Double.isFinite(referencePriceUsd) && referencePriceUsd >= 0)) {
      throw invalid(date, "referencePrice", referencePriceUsd + " is not a finite number >= 0");
    }
  }

  /** The factor to multiply raw prices by: {@code priceFactor * splitFactor}. */
  public double adjustment() {
    return priceFactor * splitFactor;
  }

  private static InvalidRecordException invalid(LocalDate date, String field, String reason) {
    return new InvalidRecordException(
        "Cannot create Lean factor row " + date + ": " + field + " " + reason, field, reason);
  }
}
