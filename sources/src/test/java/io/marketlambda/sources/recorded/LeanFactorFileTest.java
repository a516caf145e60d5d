package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.SharedData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Expected actions are public facts: AAPL split 2:1 on 2000-06-21 and 2005-02-28, 7:1 on
 * 2014-06-09, 4:1 on 2020-08-31 and paid 2.65 USD ex 2012-08-09 and 0.82 USD ex 2020-08-07; AIG did
 * a 1:20 reverse split on 2009-07-01. The README gives AAPL's raw closes around the 2020 split.
 */
class LeanFactorFileTest {
  private static final Symbol AAPL = Symbol.of("AAPL");
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void derivesAaplSplitsWithExDatesTheTradingDayAfterTheRow() {
    LeanFactorFile factors = read("lean/factor_files/aapl.csv");
    assertThat(factors.rows()).hasSize(41);
    assertThat(factors.rows().get(40))
        .isEqualTo(new LeanFactorRow(LocalDate.of(2050, 12, 31), 1, 1, 0));
    assertThat(splits(factors.corporateActions()))
        .containsExactly(
            CorporateAction.split(AAPL, LocalDate.of(2000, 6, 21), 2, "lean"),
            CorporateAction.split(AAPL, LocalDate.of(2005, 2, 28), 2, "lean"),
            CorporateAction.split(AAPL, LocalDate.of(2014, 6, 9), 7, "lean"),
            CorporateAction.split(AAPL, LocalDate.of(2020, 8, 31), 4, "lean"));
  }

  @Test
  void derivesAaplDividendsFromThePriceFactor() {
    Map<LocalDate, Double> dividends = new java.util.TreeMap<>();
    read("lean/factor_files/aapl.csv").corporateActions().stream()
        .filter(action -> action.type() == CorporateAction.Type.CASH_DIVIDEND)
        .forEach(action -> dividends.put(action.exDate(), action.value()));
    assertThat(dividends.get(LocalDate.of(2012, 8, 9))).isCloseTo(2.65, within(0.001));
    assertThat(dividends.get(LocalDate.of(2020, 8, 7))).isCloseTo(0.82, within(0.001));
    assertThat(dividends.get(LocalDate.of(2021, 2, 5))).isCloseTo(0.205, within(0.001));
    // 2014-06-09 is a split only: the price factor does not change across it
    assertThat(dividends).doesNotContainKey(LocalDate.of(2014, 6, 9));
  }

  @Test
  void referencePricesAreTheRawClosesOfTheDailyFileAndTheSplitAdjustsThem() {
    LeanFactorFile factors = read("lean/factor_files/aapl.csv");
    List<Bar> daily;
    try (RecordedReader<Bar> reader =
        LeanDailyBarReader.open(SharedData.resolve("lean/daily/aapl.csv"), quarantine)) {
      daily = reader.readAll();
    }
    NavigableSet<LocalDate> tradingDates = new TreeSet<>();
    daily.forEach(bar -> tradingDates.add(MarketTime.tradingDate(bar.start())));
    assertThat(close(daily, "2020-08-28"))
        .isEqualTo(factors.rowFor(LocalDate.of(2020, 8, 28)).referencePriceUsd());
    assertThat(close(daily, "2014-06-06"))
        .isEqualTo(factors.rowFor(LocalDate.of(2014, 6, 6)).referencePriceUsd());
    // 499.23 before the 4:1 split is 124.81 in post-split shares
    assertThat(close(daily, "2020-08-28") * factors.rowFor(LocalDate.of(2020, 8, 28)).splitFactor())
        .isCloseTo(499.23 / 4, within(1e-9));
    assertThat(factors.rowFor(LocalDate.of(2020, 8, 31)).splitFactor()).isEqualTo(1);
    // with the daily file's dates as calendar, the split ex-dates stay the same
    assertThat(splits(factors.corporateActions(tradingDates)))
        .isEqualTo(splits(factors.corporateActions()));
  }

  @Test
  void derivesAigsReverseSplit() {
    assertThat(splits(read("lean/factor_files/aig.csv").corporateActions()))
        .contains(CorporateAction.split(Symbol.of("AIG"), LocalDate.of(2009, 7, 1), 0.05, "lean"));
  }

  @Test
  void quarantinesABadRowAndKeepsTheOthers() {
    LeanFactorFile factors =
        LeanFactorFile.read(TestFiles.resource("bad-factor/aapl.csv"), quarantine);
    assertThat(factors.rows())
        .extracting(LeanFactorRow::date)
        .containsExactly(
            LocalDate.of(1998, 1, 2), LocalDate.of(2005, 2, 25), LocalDate.of(2050, 12, 31));
    assertThat(quarantine.records())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.position()).isEqualTo(2);
              assertThat(rejected.field()).isEqualTo("splitFactor");
            });
  }

  private LeanFactorFile read(String relative) {
    return LeanFactorFile.read(SharedData.resolve(relative), quarantine);
  }

  private static List<CorporateAction> splits(List<CorporateAction> actions) {
    return actions.stream().filter(action -> action.type() == CorporateAction.Type.SPLIT).toList();
  }

  private static double close(List<Bar> bars, String date) {
    return bars.stream()
        .filter(bar -> bar.start().equals(MarketTime.startOf(LocalDate.parse(date))))
        .findFirst()
        .orElseThrow()
        .closeUsd();
  }
}
