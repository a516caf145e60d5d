package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteTest {
  private static final Symbol IBM = new Symbol("IBM");
  private static final Instant TIME = Instant.parse("2013-10-07T13:30:00.123Z");

  @Test
  void keepsItsComponents() {
    Quote quote = new Quote(IBM, TIME, 185.12, 100, "lean-tick", 42);

    assertThat(quote.symbol()).isEqualTo(IBM);
    assertThat(quote.eventTime()).isEqualTo(TIME);
    assertThat(quote.priceUsd()).isEqualTo(185.12);
    assertThat(quote.sizeShares()).isEqualTo(100);
    assertThat(quote.source()).isEqualTo("lean-tick");
    assertThat(quote.sequence()).isEqualTo(42);
  }

  @Test
  void acceptsZeroSizeForLastPriceEvents() {
    assertThat(new Quote(IBM, TIME, 185.12, 0, "alpha-vantage", 0).sizeShares()).isZero();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -3.2, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsPricesThatAreNotPositiveAndFinite(double priceUsd) {
    assertThatThrownBy(() -> new Quote(IBM, TIME, priceUsd, 100, "lean-tick", 42))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo("priceUsd");
              assertThat(e.reason()).isEqualTo(priceUsd + " is not a positive finite number");
            })
        .hasMessage(
            "Cannot create quote IBM 2013-10-07T13:30:00.123Z: priceUsd "
                + priceUsd
                + " is not a positive finite number");
  }

  @Test
  void rejectsNegativeSize() {
    assertThatThrownBy(() -> new Quote(IBM, TIME, 185.12, -1, "lean-tick", 42))
        .hasMessage("Cannot create quote IBM 2013-10-07T13:30:00.123Z: sizeShares -1 is negative");
  }

  @Test
  void rejectsNegativeSequence() {
    assertThatThrownBy(() -> new Quote(IBM, TIME, 185.12, 100, "lean-tick", -7))
        .hasMessage("Cannot create quote IBM 2013-10-07T13:30:00.123Z: sequence -7 is negative");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "Lean-Tick", "-tick", ".tick", "_tick", "lean tick", "lean/tick", "é"})
  void rejectsSourcesThatAreNotLowerCaseTokens(String source) {
    assertThatThrownBy(() -> new Quote(IBM, TIME, 185.12, 100, source, 42))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("source"))
        .hasMessage(
            "Cannot create quote IBM 2013-10-07T13:30:00.123Z: source \""
                + source
                + "\" is not a lower-case token like lean-tick ([a-z0-9._-])");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "lean-tick", "alpha_vantage.v2", "x-", "9.9"})
  void acceptsLowerCaseTokensAsSources(String source) {
    assertThat(new Quote(IBM, TIME, 185.12, 100, source, 42).source()).isEqualTo(source);
  }

  @Test
  void namesMissingComponentsWithoutPrintingNull() {
    assertThatThrownBy(() -> new Quote(null, TIME, 185.12, 100, "lean-tick", 42))
        .hasMessage("Cannot create quote 2013-10-07T13:30:00.123Z: symbol is null");
    assertThatThrownBy(() -> new Quote(IBM, null, 185.12, 100, "lean-tick", 42))
        .hasMessage("Cannot create quote IBM: eventTime is null");
    assertThatThrownBy(() -> new Quote(IBM, TIME, 185.12, 100, null, 42))
        .hasMessage("Cannot create quote IBM 2013-10-07T13:30:00.123Z: source is null");
  }
}
