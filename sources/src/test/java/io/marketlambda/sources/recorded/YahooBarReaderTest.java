package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared data has no Yahoo download, so {@code yahoo/AAPL.csv} is HAND-MADE in Yahoo's layout
 * from Lean's raw AAPL daily rows of 2020-08-31..2020-09-04 (after the 4:1 split, so raw equals
 * split-adjusted); Adj Close is Close x 0.9967882, Lean's price factor of those days. The null row
 * dated 2020-09-07 (Labor Day) is the form Yahoo gives days without data.
 */
class YahooBarReaderTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void readsDailyBarsAndQuarantinesNullRows() {
    Path file = TestFiles.resource("yahoo/AAPL.csv");
    try (RecordedReader<Bar> reader = YahooBarReader.open(file, quarantine)) {
      List<Bar> bars = reader.readAll();
      assertThat(bars).hasSize(5);
      Bar first = bars.get(0);
      assertThat(first.symbol()).isEqualTo(Symbol.of("AAPL"));
      // 2020-08-31 is in EDT: midnight New York = 04:00Z
      assertThat(first.start()).isEqualTo(Instant.parse("2020-08-31T04:00:00Z"));
      // Lean daily/aapl.csv: 20200831 00:00,1276700,1310000,1262500,1290400,210024091
      assertThat(List.of(first.openUsd(), first.highUsd(), first.lowUsd(), first.closeUsd()))
          .containsExactly(127.67, 131.00, 126.25, 129.04);
      assertThat(first.volumeShares()).isEqualTo(210_024_091);
      assertThat(reader.summary().rejectedByField()).isEqualTo(Map.of("Open", 1L));
    }
    RejectedRecord nullRow = quarantine.records().get(0);
    assertThat(nullRow.position()).isEqualTo(5);
    assertThat(nullRow.reason())
        .isEqualTo("Open \"null\" (Yahoo writes null for days without data)");
  }

  @Test
  void anotherHeaderIsAClearError() {
    Path file = TestFiles.resource("yahoo/WRONG.csv");
    assertThatThrownBy(() -> YahooBarReader.open(file, quarantine))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage(
            "Cannot read Yahoo daily bars "
                + file
                + ": first line \"Date,Open,High,Low,Close,Volume\" is not the header"
                + " Date,Open,High,Low,Close,Adj Close,Volume");
  }
}
