package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values come from the raw files ({@code awk}, {@code head}); 2013-10-07 is EDT. */
class LeanQuoteReadersTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void readsIbmQuoteTicksAndQuarantinesTheOneFlaggedSuspicious() {
    List<BidAskTick> ticks;
    try (RecordedReader<BidAskTick> reader =
        LeanQuoteTickReader.open(
            SharedData.resolve("lean/tick/20131007_ibm_Quote_Tick.csv"), quarantine)) {
      ticks = reader.readAll();
      assertThat(reader.summary().rejectedByField()).isEqualTo(Map.of("suspicious", 1L));
    }
    // 109067 lines; awk: the last one (72000122,0,0,1860000,100,P,1,1) is the only suspicious one
    assertThat(ticks).hasSize(109_066);
    assertThat(quarantine.records()).extracting(RejectedRecord::position).containsExactly(109_067L);
    // line 1: 14400054,0,0,1836300,100,Q,1,0 -> an ask only, 04:00:00.054 EDT
    assertThat(ticks.get(0))
        .isEqualTo(
            new BidAskTick(
                Symbol.of("IBM"),
                Instant.parse("2013-10-07T08:00:00.054Z"),
                0,
                0,
                183.63,
                100,
                "Q",
                1));
    // awk: 54533 rows carry only a bid, 54534 only an ask (one of them the suspicious row)
    assertThat(ticks.stream().filter(BidAskTick::hasBid).count()).isEqualTo(54_533);
    assertThat(ticks.stream().filter(BidAskTick::hasAsk).count()).isEqualTo(54_533);
    assertThat(ticks).noneMatch(tick -> tick.hasBid() && tick.hasAsk());
  }

  @Test
  void readsSpyMinuteQuoteBars() {
    List<BidAskBar> bars;
    try (RecordedReader<BidAskBar> reader =
        LeanQuoteBarReader.open(
            SharedData.resolve("lean/minute/20131007_spy_minute_quote.csv"), quarantine)) {
      bars = reader.readAll();
    }
    assertThat(bars).hasSize(908);
    // line 1: 14400000,1672700,1672700,1671500,1672500,300,1680000,1680000,1672600,1672700,20000
    BidAskBar first = bars.get(0);
    assertThat(first.start()).isEqualTo(Instant.parse("2013-10-07T08:00:00Z"));
    assertThat(first.interval()).isEqualTo(BarInterval.ONE_MINUTE);
    assertThat(first.bid()).isEqualTo(new BidAskBar.Ohlc(167.27, 167.27, 167.15, 167.25));
    assertThat(first.lastBidSizeShares()).isEqualTo(300);
    assertThat(first.ask()).isEqualTo(new BidAskBar.Ohlc(168.00, 168.00, 167.26, 167.27));
    assertThat(first.lastAskSizeShares()).isEqualTo(20_000);
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void keepsTheAaplStubBidOfThe2014SplitMorning() {
    try (RecordedReader<BidAskBar> reader =
        RecordedSource.LEAN_MINUTE_QUOTE.open(
            BidAskBar.class, SharedData.resolve("lean/minute"), Symbol.of("AAPL"), quarantine)) {
      List<BidAskBar> bars = reader.readAll();
      // three files of 830 + 835 + 847 rows; 20140609 line 1 bids 1.00 at 04:00
      assertThat(bars).hasSize(2512);
      assertThat(bars.get(830 + 835).bid().openUsd()).isEqualTo(1.00);
      assertThat(bars.get(830 + 835).start()).isEqualTo(Instant.parse("2014-06-09T08:00:00Z"));
    }
  }

  @Test
  void quarantinesAnEmptySideAndABrokenOhlcOrder() {
    try (RecordedReader<BidAskBar> reader =
        LeanQuoteBarReader.open(
            TestFiles.resource("bad-quote/20131007_spy_minute_quote.csv"), quarantine)) {
      assertThat(reader.readAll()).hasSize(2);
      assertThat(reader.summary().rejectedByField())
          .isEqualTo(Map.of("bidOpen", 1L, "bidHighUsd", 1L));
    }
    assertThat(quarantine.records()).extracting(RejectedRecord::position).containsExactly(2L, 3L);
  }
}
