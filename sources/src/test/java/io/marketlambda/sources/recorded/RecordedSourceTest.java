package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.SharedData;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecordedSourceTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void parsesTheCommandLineCodes() {
    assertThat(RecordedSource.parse("lean-tick")).isEqualTo(RecordedSource.LEAN_TICK);
    assertThat(RecordedSource.parse("stooq-5min")).isEqualTo(RecordedSource.STOOQ_5MIN);
    assertThat(RecordedSource.LEAN_TICK.recordType()).isEqualTo(Quote.class);
    assertThat(RecordedSource.YAHOO.recordType()).isEqualTo(Bar.class);
    assertThatThrownBy(() -> RecordedSource.parse("lean"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot parse recorded source: \"lean\" is not one of lean-tick, lean-minute,"
                + " lean-quote-tick, lean-minute-quote,"
                + " lean-daily, stooq-daily, stooq-5min, yahoo");
  }

  @Test
  void listsOnlyTheMatchingFilesOfADirectorySortedByName() {
    Path minute = SharedData.resolve("lean/minute");
    // ls lean/minute: 19 files, 15 of them *_minute_trade.csv (the others are quote bars)
    assertThat(RecordedSource.LEAN_MINUTE.files(minute)).hasSize(15).isSorted();
    assertThat(RecordedSource.LEAN_MINUTE.files(minute, Symbol.of("AAPL")))
        .extracting(path -> path.getFileName().toString())
        .containsExactly(
            "20140605_aapl_minute_trade.csv",
            "20140606_aapl_minute_trade.csv",
            "20140609_aapl_minute_trade.csv");
    assertThat(RecordedSource.LEAN_TICK.files(SharedData.resolve("lean/tick")))
        .extracting(path -> path.getFileName().toString())
        .containsExactly(
            "20131007_bac_Trade_Tick.csv",
            "20131007_ibm_Trade_Tick.csv",
            "20131007_spy_Trade_Tick.csv");
  }

  @Test
  void opensTheQuotesOfOneSymbolInADirectory() {
    try (RecordedReader<Quote> reader =
            RecordedSource.LEAN_TICK.openQuotes(
                SharedData.resolve("lean/tick"), Symbol.of("IBM"), quarantine);
        Stream<Quote> quotes = reader.stream()) {
      assertThat(quotes.count()).isEqualTo(24_293);
      assertThat(reader.summary().accepted()).isEqualTo(24_293);
    }
  }

  @Test
  void refusesTheWrongRecordTypeAndMissingPaths() {
    Path daily = SharedData.resolve("stooq-daily-us");
    assertThatThrownBy(() -> RecordedSource.STOOQ_DAILY.openQuotes(daily, quarantine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot open Quotes from stooq-daily: it holds Bars");
    Path missing = Path.of("no-such-directory");
    assertThatThrownBy(() -> RecordedSource.LEAN_DAILY.openBars(missing, quarantine))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Cannot read lean-daily no-such-directory: not found");
    assertThatThrownBy(
            () -> RecordedSource.STOOQ_DAILY.openBars(daily, Symbol.of("ZZZZ"), quarantine))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Cannot read stooq-daily " + daily + ": no matching file");
  }
}
