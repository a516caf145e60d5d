package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.alphavantage.AlphaVantageFileReader.Lined;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's real recorded {@code SPLITS}, {@code DIVIDENDS} and {@code TIME_SERIES_DAILY_ADJUSTED}
 * responses read from files; expected rows are read here from the same files with a plain split.
 */
class AlphaVantageFileReaderTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final String EXAMPLES = "alphavantage/portfoliotree-alphavantage/examples/";
  private static final Path SPLITS = SharedData.resolve(EXAMPLES + "SPLITS_358e2618.csv");
  private static final Path DIVIDENDS = SharedData.resolve(EXAMPLES + "DIVIDENDS_5b9f5d9f.csv");
  private static final Path DAILY_ADJUSTED =
      SharedData.resolve(EXAMPLES + "TIME_SERIES_DAILY_ADJUSTED_572d0539.csv");

  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
  private final AlphaVantageFileReader reader = new AlphaVantageFileReader(quarantine);

  @Test
  void splitsKeepTheirEffectiveDateAsExDateAndTheirCsvLine() throws IOException {
    List<String> lines = Files.readAllLines(SPLITS);

    List<Lined<CorporateAction>> splits = reader.readSplits(IBM, SPLITS);

    assertThat(splits).hasSize(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",");
      Lined<CorporateAction> split = splits.get(i - 1);
      assertThat(split.line()).isEqualTo(i + 1L);
      assertThat(split.record())
          .isEqualTo(
              CorporateAction.split(
                  IBM, LocalDate.parse(fields[0]), Double.parseDouble(fields[1]), "alpha-vantage"));
    }
    // IBM's 2-for-1 split of 1999, in effect from 1999-05-27.
    assertThat(splits)
        .extracting(s -> s.record().exDate(), s -> s.record().value())
        .contains(tuple(LocalDate.of(1999, 5, 27), 2.0));
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void dividendsTakeTheExDividendDateAndAmountAndBadRowsAreQuarantined(@TempDir Path directory)
      throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DIVIDENDS));
    lines.set(3, lines.get(3).replaceFirst(",[^,]*$", ",-1.68")); // a negative amount
    Path damaged = directory.resolve("DIVIDENDS_IBM.csv");
    Files.write(damaged, lines);

    List<Lined<CorporateAction>> dividends = reader.readDividends(IBM, damaged);

    assertThat(dividends).hasSize(lines.size() - 2);
    assertThat(dividends).extracting(Lined::line).doesNotContain(4L).contains(2L, 5L);
    String[] first = lines.get(1).split(",");
    assertThat(dividends.get(0).record())
        .isEqualTo(
            CorporateAction.cashDividend(
                IBM, LocalDate.parse(first[0]), Double.parseDouble(first[4]), "alpha-vantage"));
    assertThat(quarantine.records())
        .extracting(RejectedRecord::origin, RejectedRecord::position, RejectedRecord::field)
        .containsExactly(tuple(damaged.toString(), 4L, "value"));
  }

  @Test
  void dailyAdjustedRowsReportTheirDividendsOnTheirOwnDate() throws IOException {
    List<LocalDate> expectedDates = new ArrayList<>();
    List<Double> expectedAmounts = new ArrayList<>();
    List<String> lines = Files.readAllLines(DAILY_ADJUSTED);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (Double.parseDouble(f[7]) > 0) {
        expectedDates.add(LocalDate.parse(f[0]));
        expectedAmounts.add(Double.parseDouble(f[7]));
      }
    }

    List<Lined<AdjustedBar>> bars = reader.readDailyAdjusted(IBM, DAILY_ADJUSTED);

    assertThat(bars).hasSize(lines.size() - 1);
    assertThat(bars.get(0).line()).isEqualTo(2L);
    List<CorporateAction> actions =
        bars.stream().flatMap(bar -> bar.record().corporateActions().stream()).toList();
    assertThat(actions).extracting(CorporateAction::exDate).isEqualTo(expectedDates);
    assertThat(actions).extracting(CorporateAction::value).isEqualTo(expectedAmounts);
    assertThat(actions)
        .extracting(CorporateAction::type)
        .containsOnly(CorporateAction.Type.CASH_DIVIDEND);
  }

  @Test
  void jsonRowsAreNumberedInBodyOrder() {
    Path json =
        SharedData.resolve(
            "alphavantage/crazzyghost-alphavantage-java/timeseries_dailyadjusted.json");

    List<Lined<AdjustedBar>> bars = reader.readDailyAdjusted(IBM, json);

    assertThat(bars).extracting(Lined::line).containsExactly(1L, 2L);
    // "2020-05-07": dividend amount 1.6300 in the body
    assertThat(bars.get(1).record().corporateActions())
        .containsExactly(
            CorporateAction.cashDividend(IBM, LocalDate.of(2020, 5, 7), 1.63, "alpha-vantage"));
    assertThatThrownBy(() -> reader.readDailyAdjusted(Symbol.of("AAPL"), json))
        .isInstanceOf(AlphaVantageRequestException.class)
        .hasMessageContaining("its Meta Data symbol is \"IBM\"");
  }

  @Test
  void aSavedErrorBodyIsRefusedAsAWhole(@TempDir Path directory) throws IOException {
    Path saved = directory.resolve("SPLITS_IBM.json");
    Files.writeString(
        saved,
        "{\"Error Message\": \"Invalid API call. Please retry or visit the documentation.\"}");

    assertThatThrownBy(() -> reader.readSplits(IBM, saved))
        .isInstanceOf(AlphaVantageRequestException.class)
        .hasMessageContaining("SPLITS IBM");
    assertThat(quarantine.records()).isEmpty();
  }
}
