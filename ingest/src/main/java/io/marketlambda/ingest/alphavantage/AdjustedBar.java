package io.marketlambda.ingest.alphavantage;

import io.marketlambda.core.model.Bar;
import java.util.Objects;

/**
 * A bar of an {@code *_ADJUSTED} series with the adjustment fields Alpha Vantage adds.
 *
 * @param bar the raw (unadjusted) bar
 * @param adjustedCloseUsd the close adjusted for later splits and dividends, USD, positive
 * @param dividendUsd the cash dividend with its ex-date in this bar, USD per share, 0 when none
 * @param splitCoefficient new shares per old share of a split effective in this bar; 1.0 when none
 *     and for weekly and monthly series, which do not report splits
 */
public record AdjustedBar(
    Bar bar, double adjustedCloseUsd, double dividendUsd, double splitCoefficient) {
  /**
   * @throws IllegalArgumentException when a number is out of range, naming it
   */
  public AdjustedBar {
    Objects.requireNonNull(bar, "bar");
    if (!(Double.isFinite(adjustedCloseUsd) && adjustedCloseUsd > 0)) {
      throw new IllegalArgumentException(
          "Cannot create adjusted bar: adjustedCloseUsd " + adjustedCloseUsd + " is not positive");
    }
    if (!(Double.isFinite(dividendUsd) && dividendUsd >= 0)) {
      throw new IllegalArgumentException(
          "Cannot create adjusted bar: dividendUsd " + dividendUsd + " is negative or not finite");
    }
    if (!(Double.isFinite(splitCoefficient) && splitCoefficient > 0)) {
      throw new IllegalArgumentException(
          "Cannot create adjusted bar: splitCoefficient " + splitCoefficient + " is not positive");
    }
  }
}
