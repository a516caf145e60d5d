package io.marketlambda.serving.view;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarBuilder;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchView;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.core.view.DailyIndicatorValues;
import io.marketlambda.core.view.RealtimeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One consistent picture of the views: for each symbol, the batch views up to its batch watermark
 * and the realtime views from it on (the lambda architecture's query = batch view ∪ realtime view,
 * Marz and Warren, <i>Big Data</i>, 2015, ch. 1).
 *
 * <p>At the seam, per symbol with batch watermark {@code W} (the start of the New York day after
 * its last batch daily bar):
 *
 * <ul>
 *   <li><b>1d</b>: batch daily bars starting before {@code W}; after it, daily bars rolled up from
 *       the realtime 15-minute bars of the regular session (09:30-16:00 New York, the 26 bars that
 *       tile it exactly), one per trading date. No day is in both.
 *   <li><b>1w, 1mo</b>: batch bars whose period ends by {@code W}; the period holding {@code W} and
 *       later ones rolled up ({@link BarBuilder#rollUp}, the definition the batch layer matches)
 *       from the merged daily bars, so a week that straddles the seam counts each day once.
 *   <li><b>1m, 5m, 15m, 1h</b>: the realtime views only (the batch serving copy holds no intraday
 *       bars); they reach back as far as the realtime time to live.
 *   <li>Daily indicators come from the batch views (recomputed nightly); intraday indicators and
 *       alerts from the realtime views.
 * </ul>
 *
 * A symbol the batch views do not hold is served from the realtime views alone. Each call reads the
 * batch views pointer once, so one answer never mixes two batch runs. Times are UTC instants;
 * prices USD, volumes shares. Batch prices are split- and dividend-adjusted as of the batch run
 * date; realtime prices are as traded, which agree from the last corporate action on.
 *
 * <p>Thread-safe when its views are.
 */
public final class ServingViews {
  /** How far back the previous close of a mover is looked for: covers long holiday weekends. */
  private static final Duration PREVIOUS_CLOSE_LOOK_BACK = Duration.ofDays(14);

  private final RealtimeView realtime;
  private final BatchView batch;

  public ServingViews(RealtimeView realtime, BatchView batch) {
    this.realtime = realtime;
    this.batch = batch;
  }

  /** The live batch serving copy: run, run date and watermarks; empty before the first run. */
  public Optional<BatchViewPointer> batchViews() {
    return batch.current();
  }

  /** Whether either view holds the symbol: a batch watermark or a realtime latest quote. */
  public boolean knows(Symbol symbol) {
    return batch.current().flatMap(views -> views.watermarkOf(symbol)).isPresent()
        || realtime.latestQuote(symbol).isPresent();
  }

  /**
   * The newest time a symbol's views reach: its latest quote's event time or, when later (or there
   * is no quote), its batch watermark (epoch instant, UTC); empty when neither view holds it. The
   * default end of a range left open, so that recorded history answers as live data does.
   */
  public Optional<Instant> newestTime(Symbol symbol) {
    Optional<Instant> quote = realtime.latestQuote(symbol).map(Quote::eventTime);
    Optional<Instant> watermark = batch.current().flatMap(views -> views.watermarkOf(symbol));
    if (quote.isEmpty()) {
      return watermark;
    }
    if (watermark.isEmpty()) {
      return quote;
    }
    return Optional.of(quote.get().isAfter(watermark.get()) ? quote.get() : watermark.get());
  }

  /** The newest trade of a symbol from the realtime views; empty when none is there. */
  public Optional<Quote> latestQuote(Symbol symbol) {
    return realtime.latestQuote(symbol);
  }

  /**
   * A symbol's bars whose start is in {@code [fromInclusive, toExclusive)}, oldest first, merged at
   * the symbol's batch watermark as the class describes.
   *
   * @throws IllegalArgumentException when {@code fromInclusive} is after {@code toExclusive}
   * @throws java.io.UncheckedIOException when a view cannot be read
   */
  public List<ServedBar> bars(
      Symbol symbol, BarInterval interval, Instant fromInclusive, Instant toExclusive) {
    return bars(batch.current(), symbol, interval, fromInclusive, toExclusive);
  }

  /**
   * {@link #bars(Symbol, BarInterval, Instant, Instant)} from the batch run {@code views} names
   * (read once by the caller, e.g. to report its batch watermark beside the bars).
   */
  public List<ServedBar> bars(
      Optional<BatchViewPointer> views,
      Symbol symbol,
      BarInterval interval,
      Instant fromInclusive,
      Instant toExclusive) {
    requireOrdered(fromInclusive, toExclusive);
    return switch (interval) {
      case ONE_DAY -> daily(views, symbol, fromInclusive, toExclusive);
      case ONE_WEEK, ONE_MONTH -> calendar(views, symbol, interval, fromInclusive, toExclusive);
      default ->
          oldestFirst(realtime.bars(symbol, interval, fromInclusive, toExclusive)).stream()
              .map(bar -> new ServedBar(bar, ServedBar.Origin.REALTIME))
              .toList();
    };
  }

  /**
   * A symbol's daily indicators (batch views) of bars starting in {@code [fromInclusive,
   * toExclusive)}, oldest first.
   */
  public List<DailyIndicatorValues> dailyIndicators(
      Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    return dailyIndicators(batch.current(), symbol, fromInclusive, toExclusive);
  }

  /** {@link #dailyIndicators(Symbol, Instant, Instant)} of the batch run {@code views} names. */
  public List<DailyIndicatorValues> dailyIndicators(
      Optional<BatchViewPointer> views, Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    requireOrdered(fromInclusive, toExclusive);
    return views
        .map(run -> oldestFirst(batch.dailyIndicators(run, symbol, fromInclusive, toExclusive)))
        .orElse(List.of());
  }

  /** A symbol's 1-minute indicators (realtime views) in {@code [from, to)}, oldest first. */
  public List<IndicatorSnapshot> intradayIndicators(
      Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    requireOrdered(fromInclusive, toExclusive);
    return oldestFirst(realtime.indicators(symbol, fromInclusive, toExclusive));
  }

  /** A symbol's provisional alerts (realtime views) in {@code [from, to)}, oldest first. */
  public List<Alert> alerts(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    requireOrdered(fromInclusive, toExclusive);
    return oldestFirst(realtime.alerts(symbol, fromInclusive, toExclusive));
  }

  /**
   * The symbols of the batch views whose ticker starts with {@code prefix} (case-insensitive), with
   * their batch watermarks, alphabetically; at most {@code limit}.
   */
  public List<SymbolSummary> symbols(String prefix, int limit) {
    String wanted = prefix.toUpperCase(Locale.ROOT);
    return batch
        .current()
        .map(
            views ->
                views.watermarks().entrySet().stream()
                    .filter(entry -> entry.getKey().value().startsWith(wanted))
                    .limit(limit)
                    .map(entry -> new SymbolSummary(entry.getKey(), entry.getValue()))
                    .toList())
        .orElse(List.of());
  }

  /**
   * Today's movers among the symbols of the batch views: each symbol's last price (the realtime
   * latest quote when it is at or after the batch watermark, else the last batch close) against the
   * close of the trading date before it, as a percentage; the {@code limit} biggest gainers and
   * losers.
   */
  public Movers topMovers(int limit) {
    Optional<BatchViewPointer> current = batch.current();
    if (current.isEmpty()) {
      return new Movers(List.of(), List.of());
    }
    List<Mover> all = new ArrayList<>();
    for (var entry : current.get().watermarks().entrySet()) {
      mover(current, entry.getKey(), entry.getValue()).ifPresent(all::add);
    }
    Comparator<Mover> byChange = Comparator.comparingDouble(Mover::changePercent);
    List<Mover> gainers =
        all.stream()
            .filter(m -> m.changePercent() > 0)
            .sorted(byChange.reversed())
            .limit(limit)
            .toList();
    List<Mover> losers =
        all.stream().filter(m -> m.changePercent() < 0).sorted(byChange).limit(limit).toList();
    return new Movers(gainers, losers);
  }

  private Optional<Mover> mover(
      Optional<BatchViewPointer> views, Symbol symbol, Instant watermark) {
    Optional<Quote> quote =
        realtime.latestQuote(symbol).filter(q -> !q.eventTime().isBefore(watermark));
    if (quote.isPresent()) {
      Instant dayStart = MarketTime.startOf(MarketTime.tradingDate(quote.get().eventTime()));
      List<ServedBar> before =
          daily(views, symbol, dayStart.minus(PREVIOUS_CLOSE_LOOK_BACK), dayStart);
      if (before.isEmpty()) {
        return Optional.empty();
      }
      Bar previous = before.get(before.size() - 1).bar();
      return Optional.of(
          Mover.of(
              symbol,
              quote.get().priceUsd(),
              quote.get().eventTime(),
              previous.closeUsd(),
              ServedBar.Origin.REALTIME));
    }
    List<Bar> last =
        batch.bars(
            views.get(),
            symbol,
            BarInterval.ONE_DAY,
            watermark.minus(PREVIOUS_CLOSE_LOOK_BACK),
            watermark);
    if (last.size() < 2) {
      return Optional.empty();
    }
    Bar latest = last.get(0);
    return Optional.of(
        Mover.of(
            symbol,
            latest.closeUsd(),
            latest.end(),
            last.get(1).closeUsd(),
            ServedBar.Origin.BATCH));
  }

  private List<ServedBar> daily(
      Optional<BatchViewPointer> views, Symbol symbol, Instant from, Instant to) {
    Optional<Instant> watermark = views.flatMap(v -> v.watermarkOf(symbol));
    List<ServedBar> served = new ArrayList<>();
    if (watermark.isPresent() && from.isBefore(watermark.get())) {
      Instant batchTo = to.isBefore(watermark.get()) ? to : watermark.get();
      for (Bar bar :
          oldestFirst(batch.bars(views.get(), symbol, BarInterval.ONE_DAY, from, batchTo))) {
        served.add(new ServedBar(bar, ServedBar.Origin.BATCH));
      }
    }
    Instant realtimeFrom = watermark.filter(w -> w.isAfter(from)).orElse(from);
    if (realtimeFrom.isBefore(to)) {
      for (Bar bar : realtimeDaily(symbol, realtimeFrom, to)) {
        served.add(new ServedBar(bar, ServedBar.Origin.REALTIME));
      }
    }
    return List.copyOf(served);
  }

  /** Daily bars starting in [from, to) from the regular-session 15-minute realtime bars. */
  private List<Bar> realtimeDaily(Symbol symbol, Instant from, Instant to) {
    Instant firstDay = BarInterval.ONE_DAY.startOf(from);
    if (firstDay.isBefore(from)) {
      firstDay = BarInterval.ONE_DAY.endOf(from);
    }
    Instant lastDayEnd =
        BarInterval.ONE_DAY.startOf(to).equals(to) ? to : BarInterval.ONE_DAY.endOf(to);
    if (!firstDay.isBefore(lastDayEnd)) {
      return List.of();
    }
    List<Bar> session =
        oldestFirst(realtime.bars(symbol, BarInterval.FIFTEEN_MINUTES, firstDay, lastDayEnd))
            .stream()
            .filter(bar -> MarketTime.isRegularSession(bar.start()))
            .toList();
    return BarBuilder.rollUp(session, BarInterval.ONE_DAY);
  }

  private List<ServedBar> calendar(
      Optional<BatchViewPointer> views,
      Symbol symbol,
      BarInterval interval,
      Instant from,
      Instant to) {
    Optional<Instant> watermark = views.flatMap(v -> v.watermarkOf(symbol));
    List<ServedBar> served = new ArrayList<>();
    if (watermark.isPresent()) {
      for (Bar bar : oldestFirst(batch.bars(views.get(), symbol, interval, from, to))) {
        if (!bar.end().isAfter(watermark.get())) {
          served.add(new ServedBar(bar, ServedBar.Origin.BATCH));
        }
      }
    }
    // The first period the batch views do not complete, and every later one, from daily bars.
    Instant open = interval.startOf(watermark.orElse(from));
    Instant firstInRange = interval.startOf(from).equals(from) ? from : interval.endOf(from);
    if (open.isBefore(firstInRange)) {
      open = firstInRange;
    }
    if (open.isBefore(to)) {
      Instant dailyTo = interval.startOf(to).equals(to) ? to : interval.endOf(to);
      List<ServedBar> days = daily(views, symbol, open, dailyTo);
      for (Bar bar : BarBuilder.rollUp(days.stream().map(ServedBar::bar).toList(), interval)) {
        if (bar.start().isBefore(to)) {
          served.add(new ServedBar(bar, originOf(days, bar, interval)));
        }
      }
    }
    return List.copyOf(served);
  }

  private static ServedBar.Origin originOf(List<ServedBar> days, Bar period, BarInterval interval) {
    boolean batchDay = false;
    boolean realtimeDay = false;
    for (ServedBar day : days) {
      if (interval.startOf(day.bar().start()).equals(period.start())) {
        batchDay |= day.origin() == ServedBar.Origin.BATCH;
        realtimeDay |= day.origin() == ServedBar.Origin.REALTIME;
      }
    }
    if (batchDay && realtimeDay) {
      return ServedBar.Origin.MERGED;
    }
    return realtimeDay ? ServedBar.Origin.REALTIME : ServedBar.Origin.BATCH;
  }

  private static <T> List<T> oldestFirst(List<T> newestFirst) {
    List<T> reversed = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private static void requireOrdered(Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("Cannot serve range: from " + from + " is after to " + to);
    }
  }
}
