package io.marketlambda.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.LeanTicks;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.batch.bronze.BronzeImport;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's real trades of 2013-10-07 ({@code lean/tick/20131007_ibm_Trade_Tick.csv}: ms since midnight
 * New York, price x 10,000, size, ...; 04:00 to 20:00) landed in {@code bronze.quotes} as the
 * producer writes them (wire format v1), with three bad records and one retried duplicate, after
 * Lean's IBM daily bars up to 2013-10-04: the batch quarantines the bad records and makes the
 * 2013-10-07 daily bar from the regular session's trades; the expected bar is computed here from
 * the file.
 */
class BatchJobQuotesTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate DAY = LocalDate.of(2013, 10, 7);
  private static final long OPEN_MS = LocalTime.of(9, 30).toSecondOfDay() * 1000L;
  private static final long CLOSE_MS = LocalTime.of(16, 0).toSecondOfDay() * 1000L;

  @Test
  void landedQuotesAreParsedQuarantinedAndRolledUpIntoTheDaysBar(@TempDir Path root)
      throws IOException {
    LakeLayout lake = LakeLayout.of(root.toString());
    new BronzeImport(spark, lake, Clock.systemUTC(), line -> {})
        .importBars(
            "lean-daily", LeanDaily.read("IBM").upTo(DAY.minusDays(3)).lineageBars().iterator());
    // The raw rows, for the expected values; the quotes come from the same file.
    List<String> ticks =
        Files.readAllLines(SharedData.resolve("lean/tick/20131007_ibm_Trade_Tick.csv"));
    QuoteWireCodec codec = new QuoteWireCodec();
    List<Row> landed = new ArrayList<>();
    for (Quote quote : LeanTicks.ibm()) {
      landed.add(bronze(codec.encodeValue(quote), landed.size()));
    }
    landed.add(bronze(landed.get(100).getAs(1), landed.size())); // a producer's retry
    long firstBad = landed.size();
    landed.add(bronze("not json".getBytes(StandardCharsets.UTF_8), landed.size()));
    landed.add(
        bronze(
            new String(landed.get(5).<byte[]>getAs(1), StandardCharsets.UTF_8)
                .replaceFirst("\"priceUsd\":[0-9.]+", "\"priceUsd\":-3.2")
                .getBytes(StandardCharsets.UTF_8),
            landed.size()));
    landed.add(bronze(null, landed.size()));
    // Bytes Jackson takes for UCS-4 (an IOException, not a parse error), and a quote stamped
    // decades after its Kafka timestamp: both quarantined, neither fails the run.
    landed.add(bronze(new byte[] {0x00, 0x00, 0x41, 0x00}, landed.size()));
    landed.add(
        bronze(
            codec.encodeValue(
                new Quote(
                    Symbol.of("IBM"),
                    java.time.Instant.parse("2099-01-02T15:00:00Z"),
                    180,
                    1,
                    "it",
                    1)),
            landed.size()));
    // Retention removed 7 records before land read them: the next landed is 7 offsets further.
    landed.add(bronze(landed.get(200).getAs(1), landed.size() + 7));
    spark
        .createDataFrame(landed, BronzeColumns.QUOTES)
        .write()
        .format("delta")
        .save(lake.table(LakeTable.BRONZE_QUOTES).toString());

    BatchJob.Run run =
        new BatchJob(
                spark,
                BatchConfig.lakeOnly(new LakeConfig(lake), 5, false, Duration.ZERO),
                Clock.systemUTC(),
                line -> {})
            .run(DAY, OptionalLong.empty());

    List<Row> quarantined =
        spark
            .read()
            .format("delta")
            .load(lake.quarantine("quotes").toString())
            .orderBy("kafka_offset")
            .collectAsList();
    assertThat(quarantined)
        .extracting(row -> row.<Long>getAs("kafka_offset"))
        .containsExactly(firstBad, firstBad + 1, firstBad + 2, firstBad + 3, firstBad + 4);
    assertThat(quarantined.get(1).<String>getAs("reject_field")).isEqualTo("priceUsd");
    assertThat(quarantined.get(3).<String>getAs("reject_field")).isEqualTo("$");
    assertThat(quarantined.get(4).<String>getAs("reject_field")).isEqualTo("eventTime");
    assertThat(quarantined.get(4).<String>getAs("reject_reason"))
        .contains("ahead of the record's Kafka timestamp 2026-01-01T00:00:00Z");
    assertThat(quarantined)
        .allSatisfy(row -> assertThat(row.<String>getAs("reject_reason")).isNotBlank());
    assertThat(run.rowCounts()).containsEntry("quarantine.quotes", 5L);
    assertThat(run.kafkaOffsetsWithoutRecord()).isEqualTo(Map.of("quotes-0", 7L));
    assertThat(
            spark
                .read()
                .format("delta")
                .load(lake.batchRuns().toString())
                .first()
                .<String, Long>getJavaMap(
                    BatchRunColumns.SCHEMA.fieldIndex(
                        BatchRunColumns.KAFKA_OFFSETS_WITHOUT_RECORD)))
        .isEqualTo(Map.of("quotes-0", 7L));

    long minutesWithTrades =
        ticks.stream().map(t -> Long.parseLong(t.split(",")[0]) / 60_000).distinct().count();
    assertThat(run.rowCounts()).containsEntry("silver.bars_intraday", minutesWithTrades);

    List<String[]> session =
        ticks.stream()
            .map(t -> t.split(","))
            .filter(f -> Long.parseLong(f[0]) >= OPEN_MS && Long.parseLong(f[0]) < CLOSE_MS)
            .toList();
    double volume = session.stream().mapToDouble(f -> Long.parseLong(f[2])).sum();
    double notional =
        session.stream()
            .mapToDouble(f -> Long.parseLong(f[1]) / 10_000.0 * Long.parseLong(f[2]))
            .sum();
    Row bar =
        spark
            .read()
            .format("delta")
            .load(lake.table(LakeTable.GOLD_BARS_DAILY).toString())
            .filter("symbol = 'IBM' AND trading_date = DATE'2013-10-07'")
            .first();
    assertThat(bar.<String>getAs("derived_from")).isEqualTo("intraday");
    assertThat(bar.<String>getAs("source")).isEqualTo("quotes");
    assertThat(bar.<Double>getAs("open_usd")).isEqualTo(price(session.get(0)));
    assertThat(bar.<Double>getAs("close_usd")).isEqualTo(price(session.get(session.size() - 1)));
    assertThat(bar.<Double>getAs("high_usd"))
        .isEqualTo(session.stream().mapToDouble(BatchJobQuotesTest::price).max().orElseThrow());
    assertThat(bar.<Double>getAs("low_usd"))
        .isEqualTo(session.stream().mapToDouble(BatchJobQuotesTest::price).min().orElseThrow());
    assertThat(bar.<Double>getAs("volume_shares")).isEqualTo(volume);
    assertThat(bar.<Double>getAs("vwap_usd")).isCloseTo(notional / volume, within(1e-9));
    assertThat(bar.<Long>getAs("trade_count")).isEqualTo(session.size());
    assertThat(bar.<Date>getAs("trading_date").toLocalDate()).isEqualTo(DAY);
  }

  private static double price(String[] tick) {
    return Long.parseLong(tick[1]) / 10_000.0;
  }

  private static Row bronze(byte[] value, long offset) {
    Timestamp now = Timestamp.valueOf("2026-01-01 00:00:00");
    return RowFactory.create(
        "IBM", value, "quotes", 0, offset, now, now, Date.valueOf(LocalDate.of(2026, 1, 1)));
  }
}
