package io.marketlambda.speed.hbase;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest quote per symbol among those offered, by event time, then sequence. Two quotes of one
 * symbol in the same millisecond would write cells with the same timestamp, where HBase keeps
 * whichever it stores last; keeping only the newest per symbol before writing decides that by the
 * sequence instead. Not thread-safe.
 */
final class NewestQuotes {
  private static final Comparator<Quote> AGE =
      Comparator.comparing(Quote::eventTime).thenComparingLong(Quote::sequence);

  private final Map<Symbol, Quote> newest = new LinkedHashMap<>();

  /** Keeps {@code quote} if it is newer than the one kept for its symbol. */
  void offer(Quote quote) {
    newest.merge(
        quote.symbol(), quote, (kept, offered) -> AGE.compare(offered, kept) > 0 ? offered : kept);
  }

  /** Returns the quotes kept, one per symbol, in the order their symbols were first offered. */
  Collection<Quote> quotes() {
    return List.copyOf(newest.values());
  }

  void clear() {
    newest.clear();
  }
}
