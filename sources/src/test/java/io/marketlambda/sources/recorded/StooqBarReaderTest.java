package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values come from the raw files ({@code awk}) and from the README's quirks. Stooq files
 * are read from the shared data only, never copied.
 */
class StooqBarReaderTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @ParameterizedTest
  @CsvSource({
    // symbol, data rows (wc -l minus the header), lines breaking OHLC order (awk)
    "avb, 5123, '1587 1948 1971'",
    "de, 10964, '3054 3062 3066 3068'",
    "nue, 10544, '5896'"
  })
  void quarantinesExactlyTheRowsBreakingOhlcOrder(String symbol, long rows, String badLines) {
    Path file = SharedData.resolve("stooq-daily-us/" + symbol + ".us.txt");
    List<Long> expected = java.util.Arrays.stream(badLines.split(" ")).map(Long::valueOf).toList();
    try (RecordedReader<Bar> reader = StooqBarReader.openDaily(file, quarantine)) {
      assertThat(reader.readAll()).hasSize((int) (rows - expected.size()));
      assertThat(reader.summary().rejected()).isEqualTo(expected.size());
    }
    assertThat(quarantine.records()).extracting(RejectedRecord::position).isEqualTo(expected);
    assertThat(quarantine.records())
        .extracting(RejectedRecord::field)
        .allMatch(field -> field.equals("lowUsd") || field.equals("highUsd"));
  }

  @Test
  void readsAdjustedDailyBarsWithFractionalAndZeroVolumes() {
    Path file = SharedData.resolve("stooq-daily-us/ibm.us.txt");
    List<Bar> bars;
    try (RecordedReader<Bar> reader = StooqBarReader.openDaily(file, quarantine)) {
      bars = reader.readAll();
    }
    assertThat(bars).hasSize(15_981);
    // The file's first data row (line 2), 1962-01-02, read from ../shared/data at test time.
    Bar first = bars.get(0);
    assertThat(first.symbol()).isEqualTo(Symbol.of("IBM"));
    assertThat(first.interval()).isEqualTo(BarInterval.ONE_DAY);
    assertThat(first.start()).isEqualTo(Instant.parse("1962-01-02T05:00:00Z"));
    assertThat(first.openUsd()).isEqualTo(5.0461);
    assertThat(first.volumeShares()).isEqualTo(593_562.95523744);
    // line 12158: volume 0 on 2010-04-26, a vendor quirk, still a valid bar
    assertThat(bars.get(12_156).start()).isEqualTo(MarketTime.startOf(LocalDate.of(2010, 4, 26)));
    assertThat(bars.get(12_156).volumeShares()).isZero();
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void readsClassSharesAsCanonicalSymbols() {
    Path file = SharedData.resolve("stooq-daily-us/brk-b.us.txt");
    try (RecordedReader<Bar> reader = StooqBarReader.openDaily(file, quarantine)) {
      assertThat(reader.stream().findFirst().orElseThrow().symbol()).isEqualTo(Symbol.of("BRK.B"));
    }
  }

  @ParameterizedTest
  @CsvSource({
    // Warsaw bar start as written, the same instant in New York (computed by hand)
    "20260126, 153000, 2026-01-26T09:30", // both on winter time: Warsaw = New York + 6h
    "20260306, 153000, 2026-03-06T09:30",
    "20260309, 143000, 2026-03-09T09:30", // New York on summer time since 03-08, Warsaw not: +5h
    "20260330, 153000, 2026-03-30T09:30" // Warsaw on summer time since 03-29: +6h again
  })
  void convertsWarsawBarStartsToNewYorkTimes(String date, String time, String newYork) {
    Path file = SharedData.resolve("stooq-5min-us/ibm.us.txt");
    Instant expected =
        ZonedDateTime.of(java.time.LocalDateTime.parse(newYork), NEW_YORK).toInstant();
    try (RecordedReader<Bar> reader = StooqBarReader.openFiveMinute(file, quarantine)) {
      LocalDate day = LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      Bar firstOfDay =
          reader.stream()
              .filter(bar -> MarketTime.tradingDate(bar.start()).equals(day))
              .findFirst()
              .orElseThrow();
      assertThat(firstOfDay.start()).isEqualTo(expected);
      assertThat(firstOfDay.interval()).isEqualTo(BarInterval.FIVE_MINUTES);
    }
  }

  @Test
  void theIbmDailyBarOf20260515IsTheAggregateOfIts78FiveMinuteBars() {
    List<Bar> day;
    try (RecordedReader<Bar> reader =
        StooqBarReader.openFiveMinute(SharedData.resolve("stooq-5min-us/ibm.us.txt"), quarantine)) {
      // awk 'END{print NR}' minus the header: 7942 bars over 102 sessions
      List<Bar> all = reader.readAll();
      assertThat(all).hasSize(7942);
      day =
          all.stream()
              .filter(bar -> MarketTime.tradingDate(bar.start()).equals(LocalDate.of(2026, 5, 15)))
              .toList();
    }
    assertThat(day).hasSize(78);
    assertThat(day.get(0).start()).isEqualTo(Instant.parse("2026-05-15T13:30:00Z"));
    assertThat(day.get(77).start()).isEqualTo(Instant.parse("2026-05-15T19:55:00Z"));
    double high = day.stream().mapToDouble(Bar::highUsd).max().orElseThrow();
    double low = day.stream().mapToDouble(Bar::lowUsd).min().orElseThrow();
    double volume = day.stream().mapToDouble(Bar::volumeShares).sum();
    // Alpha Vantage TIME_SERIES_DAILY for IBM (alphavantage/portfoliotree-alphavantage/examples/
    // TIME_SERIES_DAILY_42a08190.csv): 2026-05-15,218.2000,220.9100,217.6150,219.3000,6154450
    assertThat(List.of(day.get(0).openUsd(), high, low, day.get(77).closeUsd()))
        .containsExactly(218.2, 220.91, 217.615, 219.3);
    // Volumes do not match: the 5-minute bars sum to 2,608,157 shares, 42% of the consolidated
    // daily volume; Stooq's intraday volume covers only part of the trading (see the report).
    assertThat(volume).isEqualTo(2_608_157);
  }

  @Test
  void aFileWithOnlyTheHeaderIsEmpty(@TempDir Path directory) throws Exception {
    // Written here rather than kept as a file: no Stooq-named file lives in the repository.
    Path file =
        Files.writeString(
            directory.resolve("empty.us.txt"),
            "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n");
    assertThatThrownBy(() -> StooqBarReader.openDaily(file, quarantine))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("Cannot read Stooq daily bars " + file + ": empty (only a header)");
  }

  @Test
  void countsPerSymbolInTheDirectory() {
    Map<Symbol, Integer> counts = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    try (RecordedReader<Bar> reader =
        RecordedSource.STOOQ_DAILY.openBars(SharedData.resolve("stooq-daily-us"), quarantine)) {
      reader.forEach(bar -> counts.merge(bar.symbol(), 1, Integer::sum));
      // README: 96 symbols; awk over all files: 8 rows break OHLC order (AVB 3, DE 4, NUE 1)
      assertThat(counts).hasSize(96);
      assertThat(reader.summary().rejected()).isEqualTo(8);
    }
    assertThat(counts.get(Symbol.of("AVB"))).isEqualTo(5120);
  }
}
