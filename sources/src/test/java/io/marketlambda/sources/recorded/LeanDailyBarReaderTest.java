package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values come from the raw files and from the README's cross-checks. */
class LeanDailyBarReaderTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void readsRawAaplPricesAroundThe2020Split() {
    List<Bar> bars;
    try (RecordedReader<Bar> reader =
        LeanDailyBarReader.open(SharedData.resolve("lean/daily/aapl.csv"), quarantine)) {
      bars = reader.readAll();
      assertThat(reader.summary().accepted()).isEqualTo(5849);
    }
    // 1998-01-02 is in EST (UTC-5): midnight New York = 05:00Z
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("1998-01-02T05:00:00Z"));
    assertThat(bars.get(0).interval()).isEqualTo(BarInterval.ONE_DAY);
    assertThat(bars.get(0).closeUsd()).isEqualTo(16.25);
    // README: raw close 499.23 on 2020-08-28 and 129.04 on 2020-08-31 (EDT, midnight = 04:00Z)
    assertThat(closeOn(bars, "2020-08-28")).isEqualTo(499.23);
    assertThat(closeOn(bars, "2020-08-31")).isEqualTo(129.04);
    assertThat(bars.get(5848).start()).isEqualTo(Instant.parse("2021-03-31T04:00:00Z"));
    assertThat(bars.get(5848).volumeShares()).isEqualTo(109_019_052);
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void fbRowsBeforeTheListingAreAnotherSecurityAndCanBeCutOffWithTheMapFile() {
    LeanMapFile map = LeanMapFile.read(SharedData.resolve("lean/map_files/fb.csv"), quarantine);
    try (RecordedReader<Bar> reader =
        LeanDailyBarReader.openListed(SharedData.resolve("lean/daily/fb.csv"), map, quarantine)) {
      List<Bar> bars = reader.readAll();
      // awk '$1 < 20120518': 716 rows of the earlier security; 2231 rows from the listing on
      assertThat(bars).hasSize(2231);
      assertThat(bars.get(0).start()).isEqualTo(MarketTime.startOf(LocalDate.of(2012, 5, 18)));
      assertThat(bars.get(0).closeUsd()).isEqualTo(38.37);
      assertThat(reader.summary().rejectedByField())
          .containsExactly(java.util.Map.entry("date", 716L));
    }
    assertThat(quarantine.records()).hasSize(716);
    assertThat(quarantine.records().get(0).reason())
        .isEqualTo(
            "date 1999-09-29 is before the first date 2012-05-18 of the map file: another security");
    assertThat(quarantine.records()).extracting(RejectedRecord::position).endsWith(716L);
  }

  @Test
  void theLeanDailySourceAppliesTheMapFileBesideTheDailyFolder() {
    try (RecordedReader<Bar> reader =
        RecordedSource.LEAN_DAILY.openBars(
            SharedData.resolve("lean/daily"), Symbol.of("FB"), quarantine)) {
      assertThat(reader.readAll()).hasSize(2231);
      assertThat(reader.summary().rejected()).isEqualTo(716);
    }
  }

  @Test
  void qqqHasNoRowsWhileItTradedAsQqqq() {
    try (RecordedReader<Bar> reader =
        LeanDailyBarReader.open(SharedData.resolve("lean/daily/qqq.csv"), quarantine)) {
      List<Bar> bars = reader.readAll();
      assertThat(bars).hasSize(3964);
      assertThat(bars)
          .extracting(bar -> MarketTime.tradingDate(bar.start()))
          .containsSubsequence(LocalDate.of(2004, 11, 30), LocalDate.of(2011, 3, 23))
          .noneMatch(
              date ->
                  date.isAfter(LocalDate.of(2004, 11, 30))
                      && date.isBefore(LocalDate.of(2011, 3, 23)));
    }
  }

  private static double closeOn(List<Bar> bars, String date) {
    Instant start = MarketTime.startOf(LocalDate.parse(date));
    return bars.stream()
        .filter(bar -> bar.start().equals(start))
        .findFirst()
        .orElseThrow()
        .closeUsd();
  }

  @Test
  void eachRecordComesWithItsFileAndLineAndRejectedLinesAreSkipped(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
    // The first and last rows of Lean's IBM daily file, with a bad row between them.
    java.nio.file.Path file = directory.resolve("ibm.csv");
    java.nio.file.Files.writeString(
        file,
        "19980102 00:00,1044800,1057600,1040600,1057500,2563200\n"
            + "19980105 00:00,not-a-price,1,1,1,1\n"
            + "19980106 00:00,1055600,1071900,1033100,1047500,4853800\n");
    java.util.List<String> seen = new java.util.ArrayList<>();

    try (RecordedReader<io.marketlambda.core.model.Bar> reader =
        LeanDailyBarReader.open(file, quarantine)) {
      reader.forEachWithLine(
          (bar, origin, line) -> seen.add(bar.start().toString() + "@" + origin + ":" + line));
    }

    assertThat(seen)
        .containsExactly(
            "1998-01-02T05:00:00Z@" + file + ":1", "1998-01-06T05:00:00Z@" + file + ":3");
    assertThat(quarantine.records())
        .singleElement()
        .satisfies(r -> assertThat(r.position()).isEqualTo(2));
  }
}
