package io.marketlambda.bench.speed;

import io.marketlambda.bench.speed.FaultTraffic.Kind;
import io.marketlambda.bench.speed.FaultTraffic.Outgoing;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The records each fault of {@link FaultBench} sends, in order: the good trades (the day, or {@link
 * #days} of it for the drained runs), F4's poison records ({@link PoisonCorpus}) mixed in, F5's
 * shuffled and repeated trades, F6's late quotes, and the after-hours trades that close a run.
 */
final class FaultPlan {
  private static final int POISON_RECORDS = 10_000;
  private static final int LATE_EACH = 100;

  private final List<Quote> day;
  private final QuoteWireCodec codec = new QuoteWireCodec();

  /**
   * @param day one symbol's trades of one day, in event-time order
   */
  FaultPlan(List<Quote> day) {
    this.day = day;
  }

  /** The day's trades and copies of them shifted by whole days, {@code count} days in all. */
  List<Quote> days(int count) {
    List<Quote> trades = new ArrayList<>(day.size() * count);
    for (int copy = 0; copy < count; copy++) {
      Duration shift = Duration.ofDays(copy);
      for (Quote trade : day) {
        trades.add(
            new Quote(
                trade.symbol(),
                trade.eventTime().plus(shift),
                trade.priceUsd(),
                trade.sizeShares(),
                trade.source(),
                trade.sequence()));
      }
    }
    return trades;
  }

  /**
   * The records of a fault, in the order they are sent, without the two closing trades.
   *
   * @param trades the good trades, in event-time order
   */
  List<Outgoing> plan(FaultBench.Fault fault, List<Quote> trades) {
    List<Outgoing> planned = new ArrayList<>();
    switch (fault) {
      case F4 -> {
        List<PoisonCorpus.Poison> poison =
            PoisonCorpus.of(POISON_RECORDS, trades.get(trades.size() / 2).eventTime());
        int every = Math.max(1, trades.size() / poison.size());
        int next = 0;
        for (int i = 0; i < trades.size(); i++) {
          planned.add(good(trades.get(i)));
          if (i % every == every - 1 && next < poison.size()) {
            planned.add(new Outgoing(Kind.POISON, null, poison.get(next++).value()));
          }
        }
        while (next < poison.size()) {
          planned.add(new Outgoing(Kind.POISON, null, poison.get(next++).value()));
        }
      }
      case F5 -> {
        // Out of order within buckets of 5 s of event time (the watermark allows 10 s), and every
        // tenth trade sent again two records later.
        Random random = new Random(5L);
        List<Quote> shuffled = new ArrayList<>();
        List<Quote> bucket = new ArrayList<>();
        long bucketOf = Long.MIN_VALUE;
        for (Quote trade : trades) {
          long current = trade.eventTime().toEpochMilli() / 5_000;
          if (current != bucketOf && !bucket.isEmpty()) {
            Collections.shuffle(bucket, random);
            shuffled.addAll(bucket);
            bucket.clear();
          }
          bucketOf = current;
          bucket.add(trade);
        }
        Collections.shuffle(bucket, random);
        shuffled.addAll(bucket);
        List<Quote> repeatLater = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
          planned.add(good(shuffled.get(i)));
          if (i % 10 == 9) {
            repeatLater.add(shuffled.get(i));
          }
          if (i % 10 == 1 && !repeatLater.isEmpty()) {
            Quote again = repeatLater.remove(0);
            planned.add(new Outgoing(Kind.REPEATED, again, codec.encodeValue(again)));
          }
        }
        for (Quote again : repeatLater) {
          planned.add(new Outgoing(Kind.REPEATED, again, codec.encodeValue(again)));
        }
      }
      default -> trades.forEach(trade -> planned.add(good(trade)));
    }
    return planned;
  }

  /** Quotes of new trades stamped 1 hour and 1 day before {@code newest}: late by construction. */
  List<Outgoing> late(Quote newest) {
    List<Outgoing> late = new ArrayList<>();
    for (int i = 0; i < 2 * LATE_EACH; i++) {
      Duration behind = i < LATE_EACH ? Duration.ofHours(1) : Duration.ofDays(1);
      Quote quote =
          new Quote(
              FaultBench.SYMBOL,
              newest.eventTime().minus(behind).plusMillis(i),
              newest.priceUsd(),
              100,
              "bench-late",
              i + 1);
      late.add(new Outgoing(Kind.LATE, quote, codec.encodeValue(quote)));
    }
    return late;
  }

  /** A good trade's record. */
  Outgoing good(Quote trade) {
    return new Outgoing(Kind.GOOD, trade, codec.encodeValue(trade));
  }

  /** An after-hours trade {@code hours} and {@code minutes} after {@code last}. */
  static Quote closer(Quote last, int hours, int minutes) {
    return new Quote(
        FaultBench.SYMBOL,
        last.eventTime().plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes)),
        last.priceUsd(),
        1,
        "bench-close",
        minutes);
  }
}
