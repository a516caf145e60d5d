package io.marketlambda.speed.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewestQuotesTest {
  private static final Symbol IBM = new Symbol("IBM");
  private static final Symbol SPY = new Symbol("SPY");
  private static final Instant OPEN = Instant.parse("2013-10-07T13:30:00Z");

  @Test
  void keepsNewestPerSymbolWhateverTheOrder() {
    Quote newer = quote(IBM, OPEN.plusSeconds(5), 0, 182.20);
    Quote older = quote(IBM, OPEN.plusSeconds(1), 0, 182.00);
    Quote spy = quote(SPY, OPEN, 0, 168.87);
    NewestQuotes quotes = new NewestQuotes();

    quotes.offer(newer);
    quotes.offer(spy);
    quotes.offer(older);

    assertThat(quotes.quotes()).containsExactly(newer, spy);
  }

  @Test
  void breaksTiesOfOneMillisecondBySequence() {
    Quote first = quote(IBM, OPEN, 7, 182.00);
    Quote second = quote(IBM, OPEN, 8, 182.01);
    NewestQuotes quotes = new NewestQuotes();

    quotes.offer(second);
    quotes.offer(first);

    assertThat(quotes.quotes()).containsExactly(second);
  }

  @Test
  void clearForgetsEverything() {
    NewestQuotes quotes = new NewestQuotes();
    quotes.offer(quote(IBM, OPEN, 0, 182.00));

    quotes.clear();

    assertThat(quotes.quotes()).isEmpty();
  }

  private static Quote quote(Symbol symbol, Instant time, long sequence, double priceUsd) {
    return new Quote(symbol, time, priceUsd, 100, "lean-tick", sequence);
  }
}
