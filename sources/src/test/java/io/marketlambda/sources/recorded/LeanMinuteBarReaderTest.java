package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the raw files; 2013-10-07 and 2014-06-09 are EDT days (UTC-4), so 04:00
 * New York is 08:00Z and 09:30 is 13:30Z.
 */
class LeanMinuteBarReaderTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void readsTheIbmMinuteBarsOfADay() {
    Path file = SharedData.resolve("lean/minute/20131007_ibm_minute_trade.csv");
    List<Bar> bars;
    try (RecordedReader<Bar> reader = LeanMinuteBarReader.open(file, quarantine)) {
      bars = reader.readAll();
    }
    // awk 'END{print NR}': 453 rows; awk '{s+=$6}': 3960266 shares
    assertThat(bars).hasSize(453);
    assertThat(bars.stream().mapToDouble(Bar::volumeShares).sum()).isEqualTo(3_960_266);
    // line 1: 14400000,1815200,1818000,1815200,1818000,1283
    Bar first = bars.get(0);
    assertThat(first.symbol()).isEqualTo(Symbol.of("IBM"));
    assertThat(first.interval()).isEqualTo(BarInterval.ONE_MINUTE);
    assertThat(first.start()).isEqualTo(Instant.parse("2013-10-07T08:00:00Z"));
    assertThat(List.of(first.openUsd(), first.highUsd(), first.lowUsd(), first.closeUsd()))
        .containsExactly(181.52, 181.80, 181.52, 181.80);
    assertThat(first.volumeShares()).isEqualTo(1283);
    assertThat(first.vwapUsd()).isEqualTo((181.80 + 181.52 + 181.80) / 3);
    assertThat(first.tradeCount()).isZero();
    // line 47: 34200000,1820000,1822400,1818500,1821500,174289 -> the 09:30 bar
    assertThat(bars.get(46).start()).isEqualTo(Instant.parse("2013-10-07T13:30:00Z"));
    assertThat(bars.get(46).closeUsd()).isEqualTo(182.15);
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void acceptsTheAaplBarMixingPreAndPostSplitPricesAsTheVendorWroteIt() {
    // README, known quirk: 2014-06-09 04:00 opens at 645.57 (pre-split) and trades down to 92.23
    Path file = SharedData.resolve("lean/minute/20140609_aapl_minute_trade.csv");
    try (RecordedReader<Bar> reader = LeanMinuteBarReader.open(file, quarantine)) {
      List<Bar> bars = reader.readAll();
      assertThat(bars).hasSize(834);
      Bar outlier = bars.get(0);
      assertThat(outlier.start()).isEqualTo(Instant.parse("2014-06-09T08:00:00Z"));
      assertThat(outlier.openUsd()).isEqualTo(645.57);
      assertThat(outlier.lowUsd()).isEqualTo(92.23);
      assertThat(reader.summary().rejected()).isZero();
    }
  }

  @Test
  void readsEveryIbmDayOfTheDirectoryInDateOrder() {
    Path directory = SharedData.resolve("lean/minute");
    try (RecordedReader<Bar> reader =
        RecordedSource.LEAN_MINUTE.openBars(directory, Symbol.of("ibm"), quarantine)) {
      List<Bar> bars = reader.readAll();
      // six files 20131004..20131011 of 411 + 453 + 424 + 423 + 434 + 421 rows
      assertThat(bars).hasSize(2566);
      assertThat(bars).extracting(Bar::symbol).containsOnly(Symbol.of("IBM"));
      // 20131004 line 1: 30480000,1838600,... -> 08:28 EDT
      assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2013-10-04T12:28:00Z"));
      assertThat(bars).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
      assertThat(reader.summary().origin()).isEqualTo(directory.toString());
      assertThat(reader.summary().accepted()).isEqualTo(2566);
    }
  }

  @Test
  void quarantinesBarsBreakingTheBarRulesAndGoesOn() {
    Path file = TestFiles.resource("bad-minute/20131007_ibm_minute_trade.csv");
    try (RecordedReader<Bar> reader = LeanMinuteBarReader.open(file, quarantine)) {
      assertThat(reader.readAll())
          .extracting(Bar::start)
          .containsExactly(
              Instant.parse("2013-10-07T13:30:00Z"), Instant.parse("2013-10-07T13:34:00Z"));
      assertThat(reader.summary().rejectedByField())
          .isEqualTo(Map.of("highUsd", 1L, "$", 1L, "start", 1L, "volume", 1L));
    }
    assertThat(quarantine.records())
        .extracting(RejectedRecord::position)
        .containsExactly(2L, 3L, 4L, 5L);
    assertThat(quarantine.records().get(0).reason())
        .isEqualTo("highUsd 182.0 is below openUsd 182.15");
  }
}
