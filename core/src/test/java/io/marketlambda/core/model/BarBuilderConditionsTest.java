package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bar from trades by their sale conditions, on the shape of the SPY minute. */
class BarBuilderConditionsTest {
  private static final Symbol SPY = Symbol.of("SPY");
  private static final Instant MINUTE = Instant.parse("2013-10-07T17:07:00Z");
  private static final long T = MINUTE.toEpochMilli();
  private static final long REGULAR = 0;
  private static final long SWEEP =
      SaleCondition.INTERMARKET_SWEEP.mask() | SaleCondition.TRADE_THROUGH_EXEMPT.mask();
  private static final long TRF_AVERAGE_PRICE =
      SaleCondition.AVERAGE_PRICE.mask() | SaleCondition.TRADE_THROUGH_EXEMPT.mask();
  private static final long SOLD_OUT_OF_SEQUENCE =
      SaleCondition.SOLD_LAST.mask() | SaleCondition.OUT_OF_SEQUENCE.mask();
  private static final long FORM_T = SaleCondition.EXTENDED_HOURS.mask();
  private static final long OFFICIAL_OPEN = SaleCondition.OFFICIAL_OPEN.mask();

  @Test
  void anAveragePricePrintCountsInVolumeButSetsNoPrice() {
    BarBuilder bar = new BarBuilder();
    bar.addTrade(T + 1_000, 1, 167.90, 100, REGULAR);
    bar.addTrade(T + 19_150, 2, 168.90, 1_002_411, TRF_AVERAGE_PRICE);
    bar.addTrade(T + 30_000, 3, 167.95, 200, SWEEP);
    bar.addTrade(T + 40_000, 4, 167.85, 300, SOLD_OUT_OF_SEQUENCE);
    bar.addTrade(T + 50_000, 5, 167.92, 100, REGULAR);

    Bar minute = bar.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE);

    assertThat(List.of(minute.openUsd(), minute.highUsd(), minute.lowUsd(), minute.closeUsd()))
        // open/close: first and last trade that may set the last sale (the regular ones; the
        // sweep is eligible too); high: not the 168.90 print; low: the out-of-sequence print
        .containsExactly(167.90, 167.95, 167.85, 167.92);
    assertThat(minute.volumeShares()).isEqualTo(100 + 1_002_411 + 200 + 300 + 100);
    assertThat(minute.tradeCount()).isEqualTo(5);
    double notional =
        167.90 * 100 + 168.90 * 1_002_411 + 167.95 * 200 + 167.85 * 300 + 167.92 * 100;
    assertThat(minute.vwapUsd()).isCloseTo(notional / minute.volumeShares(), within(1e-9));
  }

  @Test
  void anOfficialOpenReportUpdatesNothingButIsCountedAsAPrint() {
    BarBuilder bar = new BarBuilder();
    bar.addTrade(T, 1, 182.14, 64, OFFICIAL_OPEN);
    bar.addTrade(T + 16_893, 2, 182.00, 138_862, SaleCondition.OPENING_PRINT.mask());

    Bar minute = bar.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE);

    assertThat(minute.openUsd()).isEqualTo(182.00);
    assertThat(minute.highUsd()).isEqualTo(182.00);
    assertThat(minute.volumeShares()).isEqualTo(138_862);
    assertThat(minute.tradeCount()).isEqualTo(2);
  }

  @Test
  void aBarOfOnlyFormTPrintsTakesItsPricesFromAllOfThem() {
    BarBuilder bar = new BarBuilder();
    bar.addTrade(T + 2_000, 2, 181.89, 100, FORM_T);
    bar.addTrade(T + 1_000, 1, 181.75, 100, FORM_T);

    Bar minute = bar.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE);

    assertThat(List.of(minute.openUsd(), minute.highUsd(), minute.lowUsd(), minute.closeUsd()))
        .containsExactly(181.75, 181.89, 181.75, 181.89);
    assertThat(minute.volumeShares()).isEqualTo(200);
  }

  @Test
  void withoutALastSaleOpenAndCloseComeFromTheTradesThatSetHighAndLow() {
    BarBuilder bar = new BarBuilder();
    bar.addTrade(T + 1_000, 1, 170.00, 100, TRF_AVERAGE_PRICE);
    bar.addTrade(T + 2_000, 2, 168.10, 100, SOLD_OUT_OF_SEQUENCE);
    bar.addTrade(T + 3_000, 3, 168.20, 100, SOLD_OUT_OF_SEQUENCE);

    Bar minute = bar.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE);

    assertThat(List.of(minute.openUsd(), minute.highUsd(), minute.lowUsd(), minute.closeUsd()))
        .containsExactly(168.10, 168.20, 168.10, 168.20);
  }

  @Test
  void rollingUpBuildersKeepsTheRulesWhereRollingUpBarsCannot() {
    // 09:29, before the open: only Form T prints; 09:30: a regular trade and a Form T print.
    long nineTwentyNine = Instant.parse("2013-10-07T13:29:00Z").toEpochMilli();
    long nineThirty = nineTwentyNine + 60_000;
    BarBuilder preOpen = new BarBuilder();
    preOpen.addTrade(nineTwentyNine + 1_000, 1, 181.00, 100, FORM_T);
    preOpen.addTrade(nineTwentyNine + 2_000, 2, 183.00, 100, FORM_T);
    BarBuilder open = new BarBuilder();
    open.addTrade(nineThirty + 1_000, 3, 182.00, 100, REGULAR);
    open.addTrade(nineThirty + 2_000, 4, 182.50, 100, FORM_T);
    BarBuilder tradeByTrade = new BarBuilder();
    tradeByTrade.addTrade(nineTwentyNine + 1_000, 1, 181.00, 100, FORM_T);
    tradeByTrade.addTrade(nineTwentyNine + 2_000, 2, 183.00, 100, FORM_T);
    tradeByTrade.addTrade(nineThirty + 1_000, 3, 182.00, 100, REGULAR);
    tradeByTrade.addTrade(nineThirty + 2_000, 4, 182.50, 100, FORM_T);
    Instant hour = Instant.parse("2013-10-07T13:00:00Z");

    BarBuilder rolledUp = new BarBuilder();
    rolledUp.addAll(preOpen);
    rolledUp.addAll(open);

    Bar bar = rolledUp.toBar(SPY, BarInterval.ONE_HOUR, hour);
    assertThat(bar).isEqualTo(tradeByTrade.toBar(SPY, BarInterval.ONE_HOUR, hour));
    // Only the regular trade may set a price; all four prints count in volume.
    assertThat(List.of(bar.openUsd(), bar.highUsd(), bar.lowUsd(), bar.closeUsd()))
        .containsExactly(182.00, 182.00, 182.00, 182.00);
    assertThat(bar.volumeShares()).isEqualTo(400);
    assertThat(bar.tradeCount()).isEqualTo(4);
  }

  @Test
  void theStateReadsBackToTheSameBarAndKeepsTakingTrades() throws IOException {
    BarBuilder bar = new BarBuilder();
    bar.addTrade(T + 1_000, 1, 167.90, 100, REGULAR);
    bar.addTrade(T + 19_150, 2, 168.90, 1_002_411, TRF_AVERAGE_PRICE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bar.write(new DataOutputStream(bytes));
    BarBuilder read =
        BarBuilder.read(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
            SaleConditionRules.TAPE);

    assertThat(read.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE))
        .isEqualTo(bar.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE));
    read.addTrade(T + 500, 0, 167.80, 100, SOLD_OUT_OF_SEQUENCE);
    Bar minute = read.toBar(SPY, BarInterval.ONE_MINUTE, MINUTE);
    assertThat(minute.openUsd()).isEqualTo(167.90);
    assertThat(minute.lowUsd()).isEqualTo(167.80);
  }
}
