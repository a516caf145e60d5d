package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tape's table with conditions taken out of the prices, and its config form. */
class SaleConditionRulesTest {
  private static final long SWEEP_EXEMPT = 0x20000020L; // Lean: sweep, trade-through exempt
  private static final long SOLD_OUT_OF_SEQUENCE = 0x4800L;
  private static final long AVERAGE_PRICE = 0x20100000L;

  @Test
  void theTapesRulesAreTheTable() {
    SaleConditionRules tape = SaleConditionRules.parse("none");

    assertThat(tape).isEqualTo(SaleConditionRules.TAPE);
    assertThat(tape.setsLast(SWEEP_EXEMPT)).isTrue();
    assertThat(tape.setsHighLow(SWEEP_EXEMPT)).isTrue();
    assertThat(tape.barringLast()).isEqualTo(SaleCondition.BARRING_LAST);
    assertThat(tape).hasToString("none");
  }

  @Test
  void anExcludedConditionSetsNoPriceButKeepsItsVolume() {
    SaleConditionRules rules = SaleConditionRules.parse("intermarket-sweep");

    assertThat(rules.setsLast(SWEEP_EXEMPT)).isFalse();
    assertThat(rules.setsHighLow(SWEEP_EXEMPT)).isFalse();
    assertThat(rules.countsVolume(SWEEP_EXEMPT)).isTrue();
    // Conditions not excluded keep the table's answer.
    assertThat(rules.setsLast(1)).isTrue();
    assertThat(rules.setsLast(SOLD_OUT_OF_SEQUENCE)).isFalse();
    assertThat(rules.setsHighLow(SOLD_OUT_OF_SEQUENCE)).isTrue();
    assertThat(rules.countsVolume(AVERAGE_PRICE)).isTrue();
    assertThat(rules.barringHighLow() & 0x20).isEqualTo(0x20);
  }

  @Test
  void aTradeIsCountedByWhatItMayUpdate() {
    SaleConditionRules tape = SaleConditionRules.TAPE;
    SaleConditionRules noSweeps = SaleConditionRules.parse("intermarket-sweep");

    assertThat(tape.updates(SWEEP_EXEMPT)).isEqualTo(SaleConditionRules.Updates.LAST);
    assertThat(noSweeps.updates(SWEEP_EXEMPT)).isEqualTo(SaleConditionRules.Updates.VOLUME);
    assertThat(tape.updates(SOLD_OUT_OF_SEQUENCE)).isEqualTo(SaleConditionRules.Updates.HIGH_LOW);
    assertThat(tape.updates(AVERAGE_PRICE)).isEqualTo(SaleConditionRules.Updates.VOLUME);
    assertThat(tape.updates(SaleCondition.OFFICIAL_CLOSE.mask()))
        .isEqualTo(SaleConditionRules.Updates.NOTHING);
  }

  @Test
  void theConfigFormReadsBackAndNamesABadCondition() {
    SaleConditionRules rules = SaleConditionRules.parse(" odd-lot , intermarket-sweep");

    assertThat(rules).hasToString("intermarket-sweep,odd-lot");
    assertThat(SaleConditionRules.parse(rules.toString())).isEqualTo(rules);
    assertThatThrownBy(() -> SaleConditionRules.parse("intermarket-sweep,sweep"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"sweep\" is not a sale condition");
  }

  @Test
  void aBarBuilderAppliesItsRules() {
    BarBuilder tape = new BarBuilder();
    BarBuilder excluded = new BarBuilder(SaleConditionRules.parse("intermarket-sweep"));
    for (BarBuilder builder : new BarBuilder[] {tape, excluded}) {
      builder.addTrade(1_000, 1, 100.00, 100, 1);
      builder.addTrade(2_000, 2, 101.00, 300, SWEEP_EXEMPT);
      builder.addTrade(3_000, 3, 100.50, 100, 1);
    }
    Symbol ibm = Symbol.of("IBM");
    java.time.Instant start = java.time.Instant.EPOCH;

    Bar onTheTape = tape.toBar(ibm, BarInterval.ONE_MINUTE, start);
    Bar withoutSweeps = excluded.toBar(ibm, BarInterval.ONE_MINUTE, start);

    assertThat(onTheTape.highUsd()).isEqualTo(101.00);
    assertThat(withoutSweeps.highUsd()).isEqualTo(100.50);
    assertThat(withoutSweeps.volumeShares()).isEqualTo(500);
    assertThat(withoutSweeps.vwapUsd())
        .isEqualTo((100.00 * 100 + 101.00 * 300 + 100.50 * 100) / 500);
    assertThat(withoutSweeps.tradeCount()).isEqualTo(3);
  }
}
