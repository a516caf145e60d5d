package io.marketlambda.serving.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchViewPointer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seam between the batch and realtime views, on hand-made bars: the batch views of IBM end on
 * Friday 2013-10-04 (watermark Saturday 00:00 New York), realtime 15-minute bars cover Monday
 * 2013-10-07 and, to prove the batch views win before the watermark, a bogus Friday bar.
 */
class ServingViewsTest {
  private static final Symbol IBM = new Symbol("IBM");
  private static final Symbol SPY = new Symbol("SPY");
  private static final LocalDate FRIDAY = LocalDate.of(2013, 10, 4);
  private static final LocalDate MONDAY = LocalDate.of(2013, 10, 7);
  private static final Instant IBM_WATERMARK = MarketTime.startOf(FRIDAY.plusDays(1));

  /** SPY's batch views end on a Wednesday: its week of 2013-10-07 straddles the seam. */
  private static final LocalDate WEDNESDAY = LocalDate.of(2013, 10, 9);

  private final InMemoryViews.Realtime realtime = new InMemoryViews.Realtime();
  private final InMemoryViews.Batch batch = new InMemoryViews.Batch();
  private final ServingViews views = new ServingViews(realtime, batch);
  private final List<Bar> mondaySession = new ArrayList<>();

  ServingViewsTest() {
    batch.pointTo(
        new BatchViewPointer(
            "batch_views_r1",
            "r1",
            FRIDAY,
            Map.of(IBM, IBM_WATERMARK, SPY, MarketTime.startOf(WEDNESDAY.plusDays(1)))));
    double close = 180;
    for (LocalDate day = FRIDAY.minusDays(4); !day.isAfter(FRIDAY); day = day.plusDays(1)) {
      batch.put(daily(IBM, day, close, close + 2, close - 1, close + 1, 1_000_000));
      close += 1;
    }
    // A weekly batch bar that is not complete at the watermark: must not be served as is.
    batch.put(
        new Bar(
            IBM,
            BarInterval.ONE_WEEK,
            MarketTime.startOf(FRIDAY.minusDays(4)),
            1,
            999,
            1,
            2,
            1,
            2,
            0));
    // A realtime bar on a day the batch views answer: must never show.
    realtime.put(bar(IBM, BarInterval.FIFTEEN_MINUTES, at(FRIDAY, 10, 0), 500, 501, 499, 500, 7));
    // Monday: a pre-market bar (outside the regular session) and the 26 regular 15-minute bars.
    realtime.put(
        bar(IBM, BarInterval.FIFTEEN_MINUTES, at(MONDAY, 8, 0), 170, 200, 150, 171, 9_999));
    for (int i = 0; i < 26; i++) {
      double open = 185 + i * 0.1;
      Bar bar =
          bar(
              IBM,
              BarInterval.FIFTEEN_MINUTES,
              at(MONDAY, 9, 30).plusSeconds(900L * i),
              open,
              open + 0.5 + (i == 7 ? 3 : 0),
              open - 0.4 - (i == 20 ? 2 : 0),
              open + 0.05,
              1000 + i);
      mondaySession.add(bar);
      realtime.put(bar);
    }
    realtime.put(
        bar(IBM, BarInterval.ONE_MINUTE, at(MONDAY, 9, 30), 185, 185.2, 184.9, 185.1, 300));
  }

  @Test
  void dailyBarsComeFromBatchBeforeTheWatermarkAndFromTheRegularSessionAfterIt() {
    List<ServedBar> bars =
        views.bars(
            IBM,
            BarInterval.ONE_DAY,
            MarketTime.startOf(FRIDAY.minusDays(4)),
            MarketTime.startOf(MONDAY.plusDays(1)));

    assertThat(bars)
        .extracting(b -> MarketTime.tradingDate(b.bar().start()))
        .containsExactly(
            LocalDate.of(2013, 9, 30),
            LocalDate.of(2013, 10, 1),
            LocalDate.of(2013, 10, 2),
            LocalDate.of(2013, 10, 3),
            FRIDAY,
            MONDAY);
    assertThat(bars.subList(0, 5))
        .allSatisfy(b -> assertThat(b.origin()).isEqualTo(ServedBar.Origin.BATCH));
    assertThat(bars.get(4).bar().closeUsd()).isEqualTo(185.0);

    Bar monday = bars.get(5).bar();
    assertThat(bars.get(5).origin()).isEqualTo(ServedBar.Origin.REALTIME);
    assertThat(monday.start()).isEqualTo(MarketTime.startOf(MONDAY));
    assertThat(monday.openUsd()).isEqualTo(185.0);
    assertThat(monday.highUsd()).isCloseTo(185.7 + 0.5 + 3, within(1e-9));
    assertThat(monday.lowUsd()).isCloseTo(187.0 - 0.4 - 2, within(1e-9));
    assertThat(monday.closeUsd()).isCloseTo(185 + 25 * 0.1 + 0.05, within(1e-9));
    double volume = 0;
    double notional = 0;
    for (int i = 0; i < 26; i++) {
      volume += 1000 + i;
      notional += (1000 + i) * mondaySession.get(i).vwapUsd();
    }
    assertThat(monday.volumeShares()).isEqualTo(volume);
    assertThat(monday.vwapUsd()).isCloseTo(notional / volume, within(1e-9));
  }

  @Test
  void aWeekNotCompleteAtTheWatermarkIsRolledUpFromDailyBarsEachDayOnce() {
    List<ServedBar> weeks =
        views.bars(
            IBM,
            BarInterval.ONE_WEEK,
            MarketTime.startOf(FRIDAY.minusDays(4)),
            MarketTime.startOf(MONDAY.plusDays(7)));

    assertThat(weeks).hasSize(2);
    Bar lastBatchWeek = weeks.get(0).bar();
    assertThat(weeks.get(0).origin()).isEqualTo(ServedBar.Origin.BATCH);
    assertThat(lastBatchWeek.highUsd()).as("not the incomplete batch weekly bar").isEqualTo(186.0);
    assertThat(lastBatchWeek.openUsd()).isEqualTo(180.0);
    assertThat(lastBatchWeek.closeUsd()).isEqualTo(185.0);
    assertThat(lastBatchWeek.volumeShares()).isEqualTo(5_000_000);
    assertThat(weeks.get(1).origin()).isEqualTo(ServedBar.Origin.REALTIME);
    assertThat(weeks.get(1).bar().start()).isEqualTo(MarketTime.startOf(MONDAY));
  }

  @Test
  void aWeekThatStraddlesTheWatermarkIsMerged() {
    for (LocalDate day = MONDAY; !day.isAfter(WEDNESDAY); day = day.plusDays(1)) {
      batch.put(daily(SPY, day, 169, 170, 168, 169.5, 100));
    }
    LocalDate thursday = WEDNESDAY.plusDays(1);
    realtime.put(
        bar(SPY, BarInterval.FIFTEEN_MINUTES, at(thursday, 9, 30), 171, 172, 170, 171.5, 40));

    List<ServedBar> weeks =
        views.bars(
            SPY,
            BarInterval.ONE_WEEK,
            MarketTime.startOf(MONDAY),
            MarketTime.startOf(MONDAY.plusDays(7)));

    assertThat(weeks).hasSize(1);
    assertThat(weeks.get(0).origin()).isEqualTo(ServedBar.Origin.MERGED);
    assertThat(weeks.get(0).bar().volumeShares()).isEqualTo(3 * 100 + 40);
    assertThat(weeks.get(0).bar().highUsd()).isEqualTo(172);
    assertThat(weeks.get(0).bar().closeUsd()).isEqualTo(171.5);
  }

  @Test
  void intradayBarsComeFromTheRealtimeViewsOldestFirst() {
    List<ServedBar> bars =
        views.bars(
            IBM,
            BarInterval.FIFTEEN_MINUTES,
            MarketTime.startOf(MONDAY),
            MarketTime.startOf(MONDAY.plusDays(1)));

    assertThat(bars).hasSize(27);
    assertThat(bars.get(0).bar().start()).isEqualTo(at(MONDAY, 8, 0));
    assertThat(bars).allSatisfy(b -> assertThat(b.origin()).isEqualTo(ServedBar.Origin.REALTIME));
  }

  @Test
  void aSymbolWithoutBatchViewsIsServedFromTheRealtimeViews() {
    Symbol bac = new Symbol("BAC");
    realtime.put(bar(bac, BarInterval.FIFTEEN_MINUTES, at(MONDAY, 10, 0), 11, 12, 10, 11.5, 5));
    realtime.put(new Quote(bac, at(MONDAY, 10, 5), 11.4, 100, "lean", 1));

    assertThat(views.knows(bac)).isTrue();
    assertThat(views.knows(new Symbol("XYZ"))).isFalse();
    assertThat(
            views.bars(
                bac,
                BarInterval.ONE_DAY,
                MarketTime.startOf(FRIDAY),
                MarketTime.startOf(MONDAY.plusDays(1))))
        .singleElement()
        .satisfies(b -> assertThat(b.bar().closeUsd()).isEqualTo(11.5));
  }

  @Test
  void moversCompareTheLatestQuoteWithThePreviousClose() {
    realtime.put(new Quote(IBM, at(MONDAY, 15, 59), 188.7, 100, "lean", 1));

    Movers movers = views.topMovers(5);

    // IBM: 188.7 against Friday's batch close 185; SPY: last two batch closes (no daily rows here).
    assertThat(movers.gainers())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.symbol()).isEqualTo(IBM);
              assertThat(m.previousCloseUsd()).isEqualTo(185.0);
              assertThat(m.changePercent()).isCloseTo(100 * (188.7 / 185 - 1), within(1e-9));
              assertThat(m.origin()).isEqualTo(ServedBar.Origin.REALTIME);
            });
    assertThat(movers.losers()).isEmpty();
  }

  @Test
  void withoutBatchViewsEverythingIsRealtime() {
    InMemoryViews.Batch empty = new InMemoryViews.Batch();
    ServingViews realtimeOnly = new ServingViews(realtime, empty);

    assertThat(
            realtimeOnly.bars(
                IBM,
                BarInterval.ONE_DAY,
                MarketTime.startOf(FRIDAY),
                MarketTime.startOf(MONDAY.plusDays(1))))
        .extracting(b -> MarketTime.tradingDate(b.bar().start()))
        .containsExactly(FRIDAY, MONDAY);
    assertThat(realtimeOnly.topMovers(5).gainers()).isEmpty();
    assertThat(realtimeOnly.symbols("", 10)).isEmpty();
  }

  private static Bar daily(
      Symbol symbol, LocalDate day, double o, double h, double l, double c, double v) {
    return bar(symbol, BarInterval.ONE_DAY, MarketTime.startOf(day), o, h, l, c, v);
  }

  private static Bar bar(
      Symbol symbol,
      BarInterval interval,
      Instant start,
      double o,
      double h,
      double l,
      double c,
      double v) {
    return new Bar(symbol, interval, start, o, h, l, c, v, (h + l + c) / 3, 0);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return ZonedDateTime.of(day, LocalTime.of(hour, minute), MarketTime.MARKET_ZONE).toInstant();
  }
}
