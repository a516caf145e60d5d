package io.marketlambda.core.model;

import static io.marketlambda.core.model.SaleCondition.AVERAGE_PRICE;
import static io.marketlambda.core.model.SaleCondition.EXTENDED_HOURS;
import static io.marketlambda.core.model.SaleCondition.INTERMARKET_SWEEP;
import static io.marketlambda.core.model.SaleCondition.OFFICIAL_OPEN;
import static io.marketlambda.core.model.SaleCondition.OUT_OF_SEQUENCE;
import static io.marketlambda.core.model.SaleCondition.SOLD_LAST;
import static io.marketlambda.core.model.SaleCondition.TRADE_THROUGH_EXEMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The eligibility table against the consolidated tape's matrices (CTA and UTP, consolidated
 * columns), on the condition codes of Lean's 2013-10-07 tick files.
 */
class SaleConditionTest {
  @ParameterizedTest(name = "Lean condition {0}: last {1}, high/low {2}, volume {3}")
  @CsvSource({
    // regular sale; with trade-through exempt
    "1, true, true, true",
    "20000001, true, true, true",
    // intermarket sweep ("F"): eligible for everything on the tape
    "20000020, true, true, true",
    // market center opening and closing prints ("O", "6")
    "20000040, true, true, true",
    "20000080, true, true, true",
    // the TRF print: average price ("B"/"W"), volume only
    "20100000, false, false, true",
    // Form T, also with a sweep: volume only
    "2000, false, false, true",
    "20002020, false, false, true",
    // sold out of sequence ("Z"): high and low, not the last sale
    "4800, false, true, true",
    // derivatively priced ("4"): high and low, not the last sale
    "20000200, false, true, true",
    // official open and close ("Q", "M"): reports, not trades
    "4000000, false, false, false",
    "1000000, false, false, false",
  })
  void aTradeUpdatesWhatEveryOneOfItsConditionsAllows(
      String leanHex, boolean last, boolean highLow, boolean volume) {
    long bits = Long.parseLong(leanHex, 16);

    assertThat(SaleCondition.setsLast(bits)).as("last").isEqualTo(last);
    assertThat(SaleCondition.setsHighLow(bits)).as("high/low").isEqualTo(highLow);
    assertThat(SaleCondition.countsVolume(bits)).as("volume").isEqualTo(volume);
  }

  @Test
  void leanHexadecimalFlagsReadAsTheNamedConditions() {
    assertThat(SaleCondition.of(0x20000020L))
        .containsExactly(INTERMARKET_SWEEP, TRADE_THROUGH_EXEMPT);
    assertThat(SaleCondition.of(0x4800L)).containsExactly(SOLD_LAST, OUT_OF_SEQUENCE);
    assertThat(SaleCondition.of(0x20100000L)).containsExactly(AVERAGE_PRICE, TRADE_THROUGH_EXEMPT);
    assertThat(SaleCondition.of(0x2000L)).containsExactly(EXTENDED_HOURS);
    assertThat(SaleCondition.of(0x4000000L)).containsExactly(OFFICIAL_OPEN);
    assertThat(SaleCondition.of(0)).isEmpty();
  }

  @Test
  void aTradeWithNoStatedConditionIsARegularSale() {
    assertThat(SaleCondition.setsLast(0)).isTrue();
    assertThat(SaleCondition.setsHighLow(0)).isTrue();
    assertThat(SaleCondition.countsVolume(0)).isTrue();
  }

  @Test
  void everyConditionThatMaySetTheLastSaleMaySetHighAndLow() {
    // So a bar's open and close always lie within its high and low.
    for (SaleCondition condition : SaleCondition.values()) {
      if (condition.setsLast()) {
        assertThat(condition.setsHighLow()).as(condition.name()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SaleCondition.class)
  void wireNamesReadBack(SaleCondition condition) {
    assertThat(SaleCondition.ofWireName(condition.wireName())).isEqualTo(condition);
    assertThat(condition.wireName()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void bitsNoConditionUsesAreRejected() {
    assertThatThrownBy(() -> SaleCondition.of(1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("0x100000000 sets bits that are no sale condition");
    assertThatThrownBy(() -> SaleCondition.ofWireName("Regular"))
        .hasMessageStartingWith("\"Regular\" is not a sale condition");
  }
}
