package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.quarantine.RejectedRecord;
import io.marketlambda.testing.SharedData;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected values come from the raw files ({@code wc}, {@code awk}, {@code head}) and from New York
 * time kept by hand: 2013-10-07 is a Monday in EDT (UTC-4), so 09:30 New York is 13:30Z.
 */
class LeanTradeTickReaderTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void readsEveryIbmTradeOfTheDayWithItsLineNumberAsSequence() {
    Path file = SharedData.resolve("lean/tick/20131007_ibm_Trade_Tick.csv");
    List<Quote> quotes;
    try (RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantine)) {
      quotes = reader.readAll();
      // awk 'END{print NR}': 24293 lines, none flagged suspicious, none malformed
      assertThat(reader.summary().accepted()).isEqualTo(24_293);
      assertThat(reader.summary().rejected()).isZero();
    }
    assertThat(quotes).hasSize(24_293);
    // line 1: 14430270,1815200,283,P,20002020,0 -> 04:00:30.270 EDT
    assertThat(quotes.get(0))
        .isEqualTo(
            new Quote(
                IBM,
                Instant.parse("2013-10-07T08:00:30.270Z"),
                181.52,
                283,
                "lean-tick",
                1,
                "P",
                SaleCondition.TRADE_THROUGH_EXEMPT.mask()
                    | SaleCondition.EXTENDED_HOURS.mask()
                    | SaleCondition.INTERMARKET_SWEEP.mask(),
                // lean/map_files/ibm.csv beside the tick folder: 20501231,ibm,N
                "N"));
    // line 159, the first trade at or after 09:30: 34200072,1819000,200,P,2000,0
    assertThat(quotes.get(158))
        .isEqualTo(
            new Quote(
                IBM,
                Instant.parse("2013-10-07T13:30:00.072Z"),
                181.90,
                200,
                "lean-tick",
                159,
                "P",
                SaleCondition.EXTENDED_HOURS.mask(),
                "N"));
    // last line: 69967550,1819900,200,P,20002020,0 -> 19:26:07.550 EDT
    assertThat(quotes.get(24_292).eventTime()).isEqualTo(Instant.parse("2013-10-07T23:26:07.550Z"));
    assertThat(quotes.get(24_292).sequence()).isEqualTo(24_293);
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void streamsTheQuarterMillionSpyTradesWithoutHoldingThem() {
    Path file = SharedData.resolve("lean/tick/20131007_spy_Trade_Tick.csv");
    AtomicLong count = new AtomicLong();
    AtomicLong shares = new AtomicLong();
    try (RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantine)) {
      reader.forEach(
          quote -> {
            count.incrementAndGet();
            shares.addAndGet(quote.sizeShares());
          });
      assertThat(reader.summary().accepted()).isEqualTo(250_601);
    }
    // awk -F, '{s+=$3} END{print s, NR}': 97062721 250601
    assertThat(count).hasValue(250_601);
    assertThat(shares).hasValue(97_062_721);
  }

  @Test
  void quarantinesBadRowsWithTheirLineAndGoesOn() {
    Path file = TestFiles.resource("bad-tick/20131007_ibm_Trade_Tick.csv");
    try (RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantine)) {
      assertThat(reader.readAll())
          .extracting(Quote::sequence, Quote::priceUsd)
          .containsExactly(tuple(1L, 181.80), tuple(8L, 181.82));
      assertThat(reader.summary().accepted()).isEqualTo(2);
      assertThat(reader.summary().rejectedByField())
          .isEqualTo(Map.of("price", 1L, "$", 2L, "suspicious", 1L, "priceUsd", 1L, "time", 1L));
    }
    assertThat(quarantine.records())
        .extracting(RejectedRecord::position, RejectedRecord::field)
        .containsExactly(
            tuple(2L, "price"),
            tuple(3L, "$"),
            tuple(4L, "suspicious"),
            tuple(5L, "priceUsd"),
            tuple(6L, "$"),
            tuple(7L, "time"));
    RejectedRecord badPrice = quarantine.records().get(0);
    assertThat(badPrice.origin()).isEqualTo(file.toString());
    assertThat(badPrice.reason()).isEqualTo("price \"18x8000\" is not a decimal number");
    assertThat(badPrice.raw()).isEqualTo("34200100,18x8000,100,P,2000,0");
    assertThat(quarantine.records().get(1).reason()).isEqualTo("has 4 fields, not 5 to 6");
    assertThat(quarantine.records().get(2).reason())
        .isEqualTo("suspicious flagged suspicious by the vendor");
    assertThat(quarantine.records().get(4).reason()).isEqualTo("blank line");
  }

  @Test
  void takesTheListingExchangeOfTheDayFromTheMapFileBesideTheTickFolder(@TempDir Path directory)
      throws Exception {
    Path ticks = Files.createDirectories(directory.resolve("tick"));
    Path maps = Files.createDirectories(directory.resolve("map_files"));
    // A security that moved from NYSE to Nasdaq on 2013-10-08, and one whose map names none.
    Files.writeString(maps.resolve("ibm.csv"), "19980102,ibm,N\n20131007,ibm,N\n20501231,ibm,Q\n");
    Files.writeString(maps.resolve("spy.csv"), "19980102,spy\n20501231,spy\n");
    String trade = "34216893,1820000,138862,N,40,0\n";
    Files.writeString(ticks.resolve("20131007_ibm_Trade_Tick.csv"), trade);
    Files.writeString(ticks.resolve("20131008_ibm_Trade_Tick.csv"), trade);
    Files.writeString(ticks.resolve("20131007_spy_Trade_Tick.csv"), trade);
    Files.writeString(directory.resolve("20131007_ibm_Trade_Tick.csv"), trade);

    assertThat(listingExchange(ticks.resolve("20131007_ibm_Trade_Tick.csv"))).isEqualTo("N");
    assertThat(listingExchange(ticks.resolve("20131008_ibm_Trade_Tick.csv"))).isEqualTo("Q");
    assertThat(listingExchange(ticks.resolve("20131007_spy_Trade_Tick.csv"))).isNull();
    // No map_files folder beside: unknown.
    assertThat(listingExchange(directory.resolve("20131007_ibm_Trade_Tick.csv"))).isNull();
    assertThat(quarantine.records()).isEmpty();

    // A map file naming no valid code fails the file at once, naming it, not each line.
    Files.writeString(maps.resolve("ibm.csv"), "19980102,ibm,nyse\n20501231,ibm,nyse\n");
    assertThatThrownBy(() -> listingExchange(ticks.resolve("20131007_ibm_Trade_Tick.csv")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("map_files")
        .hasMessageContaining("\"nyse\" is not an exchange code");
  }

  private String listingExchange(Path file) {
    try (RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantine)) {
      return reader.readAll().get(0).listingExchange();
    }
  }

  @Test
  void quarantinesBadExchangesAndConditionsNamingTheValue(@TempDir Path directory)
      throws Exception {
    Path file = directory.resolve("20131007_ibm_Trade_Tick.csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            "34200100,1818000,100,P,20000020,0",
            "34200101,1818000,100,P,2000zz,0",
            "34200102,1818000,100,P,123456789,0",
            "34200103,1818000,100,nyse,1,0",
            "34200104,1818000,100,,,0",
            ""));
    try (RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantine)) {
      assertThat(reader.readAll())
          .extracting(Quote::sequence, Quote::exchange, Quote::conditions)
          .containsExactly(tuple(1L, "P", 0x20000020L), tuple(5L, null, 0L));
    }
    assertThat(quarantine.records())
        .extracting(RejectedRecord::position, RejectedRecord::field, RejectedRecord::reason)
        .containsExactly(
            tuple(2L, "condition", "condition \"2000zz\" is not 1 to 8 hexadecimal digits"),
            tuple(3L, "condition", "condition \"123456789\" is not 1 to 8 hexadecimal digits"),
            tuple(
                4L,
                "exchange",
                "exchange \"nyse\" is not an exchange code like N, P or XNYS ([A-Z0-9]{1,8})"));
  }

  @Test
  void reportsRejectedRowsWithFileLineAndReasonInTheQuarantineFile(@TempDir Path directory)
      throws Exception {
    Path file = TestFiles.resource("bad-tick/20131007_ibm_Trade_Tick.csv");
    Path jsonLines = directory.resolve("quarantine.jsonl");
    try (QuarantineFile quarantineFile = new QuarantineFile(jsonLines);
        RecordedReader<Quote> reader = LeanTradeTickReader.open(file, quarantineFile)) {
      reader.forEach(quote -> {});
      assertThat(quarantineFile.count()).isEqualTo(reader.summary().rejected()).isEqualTo(6);
    }
    List<String> lines = Files.readAllLines(jsonLines);
    assertThat(lines).hasSize(6);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("origin").asText()).isEqualTo(file.toString());
    assertThat(first.get("position").asLong()).isEqualTo(2);
    assertThat(first.get("field").asText()).isEqualTo("price");
    assertThat(first.get("raw").asText()).isEqualTo("34200100,18x8000,100,P,2000,0");
  }

  @Test
  void aMissingOrEmptyFileIsAClearError() {
    Path missing = Path.of("no-such-dir/20131007_ibm_Trade_Tick.csv");
    assertThatThrownBy(() -> LeanTradeTickReader.open(missing, quarantine))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Cannot read Lean trade ticks " + missing + ": not found");
    Path empty = TestFiles.resource("bad-tick/20131008_ibm_Trade_Tick.csv");
    assertThatThrownBy(() -> LeanTradeTickReader.open(empty, quarantine))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("Cannot read Lean trade ticks " + empty + ": empty");
  }

  @Test
  void theDateAndSymbolMustBeInTheFileName() {
    Path file = SharedData.resolve("lean/daily/ibm.csv");
    assertThatThrownBy(() -> LeanTradeTickReader.open(file, quarantine))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage(
            "Cannot read file " + file + ": its name is not yyyyMMdd_<symbol>_Trade_Tick.csv");
  }
}
