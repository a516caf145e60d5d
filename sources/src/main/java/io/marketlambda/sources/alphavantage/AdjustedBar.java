package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Returns the corporate actions this daily bar reports, source {@code alpha-vantage}, with the
   * bar's America/New_York trading date as ex-date (Alpha Vantage puts a split's coefficient and a
   * dividend's amount on the first day the price trades without them): a split of {@code
   * splitCoefficient} new shares per old when it is not 1, and a cash dividend of {@code
   * dividendUsd} when it is positive. Empty for weekly and monthly bars, whose dividend falls on
   * some day of the period that they do not tell.
   */
  public List<CorporateAction> corporateActions() {
    if (bar.interval() != BarInterval.ONE_DAY) {
      return List.of();
    }
    LocalDate exDate = MarketTime.tradingDate(bar.start());
    List<CorporateAction> actions = new ArrayList<>(2);
    if (splitCoefficient != 1.0) {
      actions.add(CorporateAction.split(bar.symbol(), exDate, splitCoefficient, OtherRows.SOURCE));
    }
    if (dividendUsd > 0) {
      actions.add(
          CorporateAction.cashDividend(bar.symbol(), exDate, dividendUsd, OtherRows.SOURCE));
    }
    return List.copyOf(actions);
  }
}
