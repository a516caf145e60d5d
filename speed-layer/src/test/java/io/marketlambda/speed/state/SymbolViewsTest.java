package io.marketlambda.speed.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.views.AlertRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-symbol state on its own: late, duplicate, withdrawn alerts, bounded size. */
class SymbolViewsTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final AlertRules RULES = new AlertRules(0.01, 1000, 0.5);
  private static final long OPEN = Instant.parse("2013-10-07T13:30:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  /** What the state handed out. */
  private static final class Recorded implements SymbolViews.Updates {
    final List<Bar> bars = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<String> withdrawn = new ArrayList<>();
    int indicatorRows;

    @Override
    public void bar(Bar bar) {
      bars.add(bar);
    }

    @Override
    public void indicators(Bar oneMinuteBar, double[] values) {
      indicatorRows++;
    }

    @Override
    public void alert(Alert alert) {
      alerts.add(alert);
    }

    @Override
    public void withdraw(Symbol symbol, Instant time, AlertType type) {
      withdrawn.add(symbol + "/" + type.code() + "/" + time.toEpochMilli());
    }
  }

  @Test
  void aTradeBehindTheWatermarkIsLateAndChangesNothing() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);
    Recorded out = new Recorded();
    views.advanceTo(OPEN + 5 * MINUTE, out);

    assertThat(views.addTrade(OPEN + 5 * MINUTE, OPEN + MINUTE, 1, 180, 100))
        .isEqualTo(SymbolViews.Outcome.LATE);
    views.emitChanges(out);

    assertThat(out.bars).isEmpty();
  }

  @Test
  void theSameEventTimeAndSequenceTwiceIsADuplicate() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);

    assertThat(views.addTrade(0, OPEN + 1_000, 7, 180, 100))
        .isEqualTo(SymbolViews.Outcome.ACCEPTED);
    assertThat(views.addTrade(0, OPEN + 1_000, 7, 180, 100))
        .isEqualTo(SymbolViews.Outcome.DUPLICATE);
    assertThat(views.addTrade(0, OPEN + 1_000, 8, 181, 100))
        .isEqualTo(SymbolViews.Outcome.ACCEPTED);
    Recorded out = new Recorded();
    views.emitChanges(out);

    assertThat(out.bars)
        .filteredOn(bar -> bar.interval() == BarInterval.ONE_MINUTE)
        .singleElement()
        .satisfies(
            bar -> {
              assertThat(bar.tradeCount()).isEqualTo(2);
              assertThat(bar.volumeShares()).isEqualTo(200);
            });
  }

  @Test
  void aSpikeInABarStillFillingUpIsAlertedAtOnceAndWithdrawnWhenTheClosedBarHasNone() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);
    Recorded out = new Recorded();
    for (int minute = 0; minute < 6; minute++) {
      views.addTrade(0, OPEN + minute * MINUTE, 1, 100, 100);
    }
    views.emitChanges(out);
    // The sixth minute jumps 2 % ...
    long sixth = OPEN + 6 * MINUTE;
    views.addTrade(0, sixth + 1_000, 1, 102, 100);
    views.emitChanges(out);
    assertThat(out.alerts).extracting(Alert::id).containsExactly("IBM/price_spike/" + sixth);
    // ... and falls back before it closes.
    views.addTrade(0, sixth + 50_000, 2, 100, 100);
    views.emitChanges(out);
    views.advanceTo(sixth + MINUTE, out);

    assertThat(out.withdrawn).containsExactly("IBM/price_spike/" + sixth);
  }

  @Test
  void anAlertTheClosedBarStillRaisesIsKept() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);
    Recorded out = new Recorded();
    for (int minute = 0; minute < 6; minute++) {
      views.addTrade(0, OPEN + minute * MINUTE, 1, 100, 100);
    }
    long sixth = OPEN + 6 * MINUTE;
    views.addTrade(0, sixth + 1_000, 1, 102, 100);
    views.emitChanges(out);
    views.advanceTo(sixth + MINUTE, out);

    assertThat(out.alerts).extracting(Alert::id).containsExactly("IBM/price_spike/" + sixth);
    assertThat(out.withdrawn).isEmpty();
  }

  @Test
  void aWholeDayLeavesAFewHundredBytesOnceTheWatermarkHasPassedIt() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);
    Recorded out = new Recorded();
    long newest = 0;
    int peak = 0;
    for (LeanTradeTicks.Tick tick : LeanTradeTicks.read("IBM").ticks()) {
      long millis = tick.time().toEpochMilli();
      newest = Math.max(newest, millis);
      views.addTrade(newest - 10_000, millis, tick.line(), tick.priceUsd(), tick.size());
      if (tick.line() % 500 == 0) {
        views.emitChanges(out);
        views.advanceTo(newest - 10_000, out);
        peak = Math.max(peak, views.toBytes().length);
      }
    }
    views.emitChanges(out);
    views.advanceTo(newest + 2 * 3_600_000, out);

    assertThat(peak).as("peak state during the day").isLessThan(64 * 1024);
    assertThat(views.toBytes().length).isLessThan(1024);
    assertThat(out.indicatorRows).isGreaterThanOrEqualTo(390);
  }

  @Test
  void theClosingAuctionPrintReportedAfterTheCloseClosesTheSessionsLastMinute() {
    SymbolViews views = SymbolViews.empty(IBM, RULES, SaleConditionRules.TAPE);
    Recorded out = new Recorded();
    long close = Instant.parse("2013-10-07T20:00:00Z").toEpochMilli(); // 16:00 New York
    long closingPrint = io.marketlambda.core.model.SaleCondition.CLOSING_PRINT.mask();
    views.addTrade(
        0, close - 50 * MINUTE, 9, 181.50, 300, 1, io.marketlambda.core.model.AuctionPrint.NONE);
    views.addTrade(
        0, close - 30_000, 1, 182.10, 100, 1, io.marketlambda.core.model.AuctionPrint.NONE);
    views.emitChanges(out);
    // An after-hours trade moves the watermark (10 s behind) past the end of 15:59.
    views.advanceTo(close + 20_000, out);
    views.addTrade(
        close + 20_000,
        close + 30_000,
        2,
        182.05,
        200,
        0x2000,
        io.marketlambda.core.model.AuctionPrint.NONE);
    views.emitChanges(out);
    views.advanceTo(close + 54_000, out);

    // NYSE's closing print, reported 16:01:04: the 15:59 bar's close and part of its volume.
    assertThat(
            views.addTrade(
                close + 54_000,
                close + 64_221,
                3,
                182.01,
                151_665,
                closingPrint,
                io.marketlambda.core.model.AuctionPrint.CLOSING))
        .isEqualTo(SymbolViews.Outcome.ACCEPTED);
    out.bars.clear();
    int indicatorRowsBefore = out.indicatorRows;
    views.emitChanges(out);

    Bar lastMinute = bar(out, BarInterval.ONE_MINUTE, close - MINUTE);
    assertThat(lastMinute.closeUsd()).isEqualTo(182.01);
    assertThat(lastMinute.volumeShares()).isEqualTo(100 + 151_665);
    Bar hour = bar(out, BarInterval.ONE_HOUR, close - 60 * MINUTE);
    assertThat(hour.openUsd()).as("the hour's earlier minutes are still kept").isEqualTo(181.50);
    assertThat(hour.volumeShares()).isEqualTo(300 + 100 + 151_665);
    assertThat(hour.closeUsd()).isEqualTo(182.01);
    assertThat(out.indicatorRows - indicatorRowsBefore)
        .as("15:59 is still open: its indicators are handed out again")
        .isEqualTo(1);
    assertThat(out.bars)
        .as("the 16:00 minute keeps only its after-hours trade")
        .noneMatch(bar -> bar.start().toEpochMilli() == close);

    // From 16:05 on the last minute is final: a closing print then is behind it, as any late trade.
    views.advanceTo(close + 5 * MINUTE, out);
    assertThat(
            views.addTrade(
                close + 5 * MINUTE,
                close + 5 * MINUTE + 1,
                4,
                182.00,
                100,
                closingPrint,
                io.marketlambda.core.model.AuctionPrint.CLOSING))
        .as("reported after the window: stays in its own minute")
        .isEqualTo(SymbolViews.Outcome.ACCEPTED);
    assertThat(
            views.addTrade(
                close + 5 * MINUTE,
                close - 1_000,
                5,
                182.00,
                100,
                1,
                io.marketlambda.core.model.AuctionPrint.NONE))
        .isEqualTo(SymbolViews.Outcome.LATE);
  }

  private static Bar bar(Recorded out, BarInterval interval, long startMillis) {
    return out.bars.stream()
        .filter(bar -> bar.interval() == interval && bar.start().toEpochMilli() == startMillis)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no " + interval + " bar at " + startMillis));
  }
}
