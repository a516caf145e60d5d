package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The listing market's auction prints, on the times of 2013-10-07 (EDT, UTC-4: the close is 20:00Z)
 * and of a winter day (EST, UTC-5: the close is 21:00Z).
 */
class AuctionPrintTest {
  private static final long OPENING = 0x40; // Lean: opening prints
  private static final long CLOSING = 0x80; // Lean: closing prints
  private static final long TRADE_THROUGH_EXEMPT = 0x20000000L;

  @Test
  void onlyTheListingMarketsPrintsAreAuctions() {
    assertThat(AuctionPrint.of(OPENING, "N", "N")).isEqualTo(AuctionPrint.OPENING);
    assertThat(AuctionPrint.of(CLOSING | TRADE_THROUGH_EXEMPT, "P", "P"))
        .isEqualTo(AuctionPrint.CLOSING);
    // Nasdaq's opening cross in SPY (listed on NYSE Arca) is an ordinary trade.
    assertThat(AuctionPrint.of(OPENING, "Q", "P")).isEqualTo(AuctionPrint.NONE);
    assertThat(AuctionPrint.of(OPENING, "N", null)).isEqualTo(AuctionPrint.NONE);
    assertThat(AuctionPrint.of(OPENING, null, "N")).isEqualTo(AuctionPrint.NONE);
    assertThat(AuctionPrint.of(1, "N", "N")).isEqualTo(AuctionPrint.NONE);
  }

  @Test
  void aClosingPrintReportedWithinFiveMinutesOfTheCloseBelongsToTheLastMinute() {
    long nyseClose = millis("2013-10-07T20:01:04.221Z"); // IBM's, 16:01:04 New York

    assertThat(AuctionPrint.CLOSING.barMillis(nyseClose))
        .isEqualTo(millis("2013-10-07T19:59:59.999Z"));
    assertThat(AuctionPrint.CLOSING.barMillis(millis("2013-10-07T20:00:00Z")))
        .isEqualTo(millis("2013-10-07T19:59:59.999Z"));
    assertThat(AuctionPrint.CLOSING.barMillis(millis("2014-01-15T21:02:00Z")))
        .isEqualTo(millis("2014-01-15T20:59:59.999Z"));
    // Before the close, and from the end of the window on, a print keeps its own minute.
    assertThat(AuctionPrint.CLOSING.barMillis(millis("2013-10-07T19:59:30Z")))
        .isEqualTo(millis("2013-10-07T19:59:30Z"));
    assertThat(AuctionPrint.CLOSING.barMillis(millis("2013-10-07T20:05:00Z")))
        .isEqualTo(millis("2013-10-07T20:05:00Z"));
    // Other trades keep their time.
    assertThat(AuctionPrint.NONE.barMillis(nyseClose)).isEqualTo(nyseClose);
    assertThat(AuctionPrint.OPENING.barMillis(nyseClose)).isEqualTo(nyseClose);
  }

  @Test
  void theLastMinuteAndTheWindowAfterItCloseWhenTheWindowEnds() {
    long windowEnd = millis("2013-10-07T20:05:00Z");

    assertThat(AuctionPrint.finalAtMillis(millis("2013-10-07T19:58:00Z")))
        .isEqualTo(millis("2013-10-07T19:59:00Z"));
    assertThat(AuctionPrint.finalAtMillis(millis("2013-10-07T19:59:00Z"))).isEqualTo(windowEnd);
    assertThat(AuctionPrint.finalAtMillis(millis("2013-10-07T20:04:00Z"))).isEqualTo(windowEnd);
    assertThat(AuctionPrint.finalAtMillis(millis("2013-10-07T20:05:00Z")))
        .isEqualTo(millis("2013-10-07T20:06:00Z"));
    assertThat(AuctionPrint.changeableFromMillis(millis("2013-10-07T20:01:10Z")))
        .isEqualTo(millis("2013-10-07T19:59:00Z"));
    assertThat(AuctionPrint.changeableFromMillis(millis("2013-10-07T18:01:10Z")))
        .isEqualTo(millis("2013-10-07T18:01:00Z"));
  }

  @Test
  void codesRoundTrip() {
    for (AuctionPrint print : AuctionPrint.values()) {
      assertThat(AuctionPrint.ofCode(print.code())).isEqualTo(print);
    }
    assertThatThrownBy(() -> AuctionPrint.ofCode(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 is not an auction print code");
  }

  @Test
  void theOpeningAuctionIsTheOpenOfItsBarUnlessTheRulesBarItsPrice() {
    BarBuilder tape = new BarBuilder();
    BarBuilder noOpeningPrints = new BarBuilder(SaleConditionRules.parse("opening-print"));
    for (BarBuilder bar : new BarBuilder[] {tape, noOpeningPrints}) {
      bar.addTrade(1_000, 1, 181.85, 111, 1); // another market, before the auction
      bar.addTrade(16_893, 2, 182.00, 138_862, OPENING, AuctionPrint.OPENING);
      bar.addTrade(16_894, 3, 182.20, 100, 1);
    }
    Symbol ibm = Symbol.of("IBM");

    Bar official = tape.toBar(ibm, BarInterval.ONE_MINUTE, Instant.EPOCH);
    Bar withoutIt = noOpeningPrints.toBar(ibm, BarInterval.ONE_MINUTE, Instant.EPOCH);

    assertThat(official.openUsd()).isEqualTo(182.00);
    assertThat(official.lowUsd()).isEqualTo(181.85);
    assertThat(official.volumeShares()).isEqualTo(111 + 138_862 + 100);
    assertThat(withoutIt.openUsd()).isEqualTo(181.85);
    // A roll-up keeps the official open.
    BarBuilder hour = new BarBuilder();
    hour.addAll(tape);
    assertThat(hour.toBar(ibm, BarInterval.ONE_HOUR, Instant.EPOCH).openUsd()).isEqualTo(182.00);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void aDelayedOpeningAuctionOpensItsMinuteButNotTheCoarserBar() {
    long nineThirty = Instant.parse("2013-10-07T13:30:00Z").toEpochMilli();
    BarBuilder first = new BarBuilder();
    first.addTrade(nineThirty + 1_000, 1, 100.00, 100, 1); // Arca, before NYSE opens
    BarBuilder second = new BarBuilder();
    second.addTrade(nineThirty + 62_000, 2, 100.80, 100, 1);
    second.addTrade(nineThirty + 65_000, 3, 101.00, 5_000, OPENING, AuctionPrint.OPENING);
    Symbol ibm = Symbol.of("IBM");
    Instant start = Instant.ofEpochMilli(nineThirty);

    BarBuilder fiveMinutes = new BarBuilder();
    fiveMinutes.addAll(first);
    fiveMinutes.addAll(second);

    assertThat(second.toBar(ibm, BarInterval.ONE_MINUTE, start.plusSeconds(60)).openUsd())
        .isEqualTo(101.00);
    assertThat(fiveMinutes.toBar(ibm, BarInterval.FIVE_MINUTES, start).openUsd())
        .as("as the 1-minute bars roll up: the first minute's open")
        .isEqualTo(100.00);
  }
}
