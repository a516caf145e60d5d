package io.marketlambda.speed.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeTable;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realtime views on the local stack's HBase, written through {@link RealtimeViewWriter} and
 * read back through {@link RealtimeViewReader}, with the real IBM minute bars of 2013-10-07 from
 * Lean replayed on yesterday's New York date.
 *
 * <p>Why re-dated: cells carry event times as timestamps, and HBase hides cells older than the
 * table's TTL (7 days) at once, so bars of 2013 read back as nothing ({@link
 * #historyOlderThanTheTimeToLiveIsInvisible}).
 */
@ExtendWith(LocalStackExtension.class)
class RealtimeViewsIT {
  private static final HBaseViewsConfig VIEWS = new HBaseViewsConfig("it_realtime", 16);
  private static final Symbol IBM = new Symbol("IBM");
  private static final String LEAN_IBM_MINUTES = "lean/minute/20131007_ibm_minute_trade.csv";
  private static final LocalDate SESSION = LocalDate.now(MarketTime.MARKET_ZONE).minusDays(1);
  private static final Instant NINE_THIRTY = newYork(SESSION, Duration.ofMinutes(9 * 60 + 30));

  private static Map<String, String> hbaseSettings;
  private static Connection connection;
  private static List<RealtimeTable> createdFirst;

  @BeforeAll
  static void createViews(LocalStackEndpoints endpoints) throws IOException {
    hbaseSettings =
        Map.of(
            LocalStackEndpoints.HBASE_ZOOKEEPER_QUORUM,
            endpoints.zookeeperQuorum(),
            LocalStackEndpoints.HBASE_ZOOKEEPER_CLIENT_PORT,
            Integer.toString(endpoints.zookeeperClientPort()));
    connection = HBaseConnector.connect(hbaseSettings);
    try (Admin admin = connection.getAdmin()) {
      createdFirst = RealtimeViewsSchema.createIfAbsent(admin, VIEWS);
    }
  }

  @AfterAll
  static void closeConnection() throws IOException {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void createsEveryTableOncePreSplitBySaltBucket() throws IOException {
    try (Admin admin = connection.getAdmin()) {
      assertThat(createdFirst).containsExactly(RealtimeTable.values());
      assertThat(RealtimeViewsSchema.createIfAbsent(admin, VIEWS)).isEmpty();

      for (RealtimeTable table : RealtimeTable.values()) {
        TableName name = TableName.valueOf("it_realtime:" + table.tableName());
        assertThat(admin.getRegions(name)).hasSize(16);
        ColumnFamilyDescriptor family = admin.getDescriptor(name).getColumnFamilies()[0];
        assertThat(family.getNameAsString()).isEqualTo(table.family());
        assertThat(family.getMaxVersions()).isEqualTo(1);
        assertThat((long) family.getTimeToLive()).isEqualTo(VIEWS.timeToLive().toSeconds());
        assertThat(family.getBloomFilterType()).isEqualTo(BloomType.ROW);
        assertThat(family.getCompressionType()).isEqualTo(Compression.Algorithm.GZ);
      }
    }
  }

  @Test
  void barsReadBackNewestFirstWithinTheirRange() throws IOException {
    List<Bar> bars = leanIbmMinuteBars(5);
    writeBars(bars);
    flush(RealtimeTable.BARS_1M); // read from GZ-compressed HFiles, not only the memstore
    RealtimeViewReader reader = new RealtimeViewReader(connection, VIEWS);

    List<Bar> read =
        reader.bars(IBM, BarInterval.ONE_MINUTE, NINE_THIRTY, NINE_THIRTY.plusSeconds(5 * 60));

    assertThat(read)
        .containsExactly(bars.get(4), bars.get(3), bars.get(2), bars.get(1), bars.get(0));
    assertThat(read.get(4))
        .isEqualTo(
            Bar.withTypicalPriceVwap(
                IBM, BarInterval.ONE_MINUTE, NINE_THIRTY, 182.00, 182.24, 181.85, 182.15, 174289));
    assertThat(
            reader.bars(
                IBM,
                BarInterval.ONE_MINUTE,
                NINE_THIRTY.plusSeconds(60),
                NINE_THIRTY.plusSeconds(120)))
        .containsExactly(bars.get(1));
    assertThat(reader.bars(IBM, BarInterval.ONE_MINUTE, NINE_THIRTY, NINE_THIRTY)).isEmpty();
    assertThat(
            reader.bars(IBM, BarInterval.FIVE_MINUTES, NINE_THIRTY, NINE_THIRTY.plusSeconds(300)))
        .isEmpty();
  }

  @Test
  void fiveMinuteBarsLandInTheirOwnTable() {
    // 09:30-09:35 from the Lean minute bars 34200000 .. 34440000.
    Bar fiveMinutes =
        Bar.withTypicalPriceVwap(
            IBM, BarInterval.FIVE_MINUTES, NINE_THIRTY, 182.00, 182.70, 181.85, 182.35, 303719);
    writeBars(List.of(fiveMinutes));

    assertThat(
            new RealtimeViewReader(connection, VIEWS)
                .bars(IBM, BarInterval.FIVE_MINUTES, NINE_THIRTY, NINE_THIRTY.plusSeconds(300)))
        .containsExactly(fiveMinutes);
  }

  @Test
  void replayedAndUpdatedBarsKeepOneRowStampedWithTheBarStart() throws IOException {
    Symbol symbol = new Symbol("REPLAY");
    Bar early = bar(symbol, NINE_THIRTY, 182.00, 182.24, 181.85, 182.00, 1000);
    Bar complete = bar(symbol, NINE_THIRTY, 182.00, 182.24, 181.85, 182.15, 174289);
    writeBars(List.of(early));
    flush(RealtimeTable.BARS_1M); // the update must win over a stored file, not only the memstore
    writeBars(List.of(complete));
    writeBars(List.of(complete)); // a replayed micro-batch

    assertThat(
            new RealtimeViewReader(connection, VIEWS)
                .bars(symbol, BarInterval.ONE_MINUTE, NINE_THIRTY, NINE_THIRTY.plusSeconds(60)))
        .containsExactly(complete);
    List<Cell> cells = rawCells(RealtimeTable.BARS_1M, symbol);
    assertThat(cells).hasSize(7);
    assertThat(cells)
        .allSatisfy(cell -> assertThat(cell.getTimestamp()).isEqualTo(NINE_THIRTY.toEpochMilli()));
  }

  @Test
  void anOlderQuoteArrivingLateNeverHidesTheNewerOne() throws IOException {
    Quote newer = new Quote(IBM, NINE_THIRTY.plusMillis(59_000), 182.15, 200, "lean-tick", 0);
    Quote older = new Quote(IBM, NINE_THIRTY.plusMillis(1_000), 182.00, 100, "lean-tick", 0);
    Quote sameMillisecondLaterSequence =
        new Quote(IBM, newer.eventTime(), 182.16, 100, "lean-tick", 1);

    writeQuotes(List.of(newer));
    flush(RealtimeTable.LATEST_QUOTE);
    writeQuotes(List.of(older));
    RealtimeViewReader reader = new RealtimeViewReader(connection, VIEWS);
    assertThat(reader.latestQuote(IBM)).contains(newer);

    writeQuotes(List.of(sameMillisecondLaterSequence, older, newer));
    assertThat(reader.latestQuote(IBM)).contains(sameMillisecondLaterSequence);
    assertThat(reader.latestQuote(new Symbol("NOSUCH"))).isEmpty();
  }

  @Test
  void symbolsSharingAPrefixStayApart() {
    Bar ab = bar(new Symbol("AB"), NINE_THIRTY, 10.0, 10.5, 9.5, 10.0, 100);
    Bar abc = bar(new Symbol("ABC"), NINE_THIRTY, 20.0, 20.5, 19.5, 20.0, 200);
    Bar abcLater = bar(new Symbol("ABC"), NINE_THIRTY.plusSeconds(60), 20.0, 21.0, 20.0, 21.0, 300);
    writeBars(List.of(ab, abc, abcLater));
    writeQuotes(List.of(new Quote(new Symbol("ABC"), NINE_THIRTY, 20.0, 10, "lean-tick", 0)));
    RealtimeViewReader reader = new RealtimeViewReader(connection, VIEWS);
    Instant dayStart = MarketTime.startOf(SESSION);
    Instant dayEnd = MarketTime.startOf(SESSION.plusDays(1));

    assertThat(reader.bars(new Symbol("AB"), BarInterval.ONE_MINUTE, dayStart, dayEnd))
        .containsExactly(ab);
    assertThat(reader.bars(new Symbol("ABC"), BarInterval.ONE_MINUTE, dayStart, dayEnd))
        .containsExactly(abcLater, abc);
    assertThat(reader.latestQuote(new Symbol("AB"))).isEmpty();
    assertThat(reader.latestQuote(new Symbol("ABC"))).isPresent();
  }

  @Test
  void countsWhatItWrote() {
    List<Bar> bars = leanIbmMinuteBars(3);
    Quote quote = new Quote(new Symbol("COUNT"), NINE_THIRTY, 182.15, 1, "lean-tick", 0);
    RealtimeViewWriter writer = RealtimeViewWriter.open(hbaseSettings, VIEWS);
    try (writer) {
      bars.forEach(bar -> writer.writeBar(TestRows.barRow(bar)));
      writer.writeLatestQuote(TestRows.quoteRow(quote));
      writer.writeLatestQuote(TestRows.quoteRow(quote));
    }

    assertThat(writer.barsWritten()).isEqualTo(3);
    assertThat(writer.quotesWritten()).isEqualTo(1);
  }

  @Test
  void historyOlderThanTheTimeToLiveIsInvisible() {
    Instant leanNineThirty = Instant.parse("2013-10-07T13:30:00Z"); // 09:30 EDT
    Bar history =
        Bar.withTypicalPriceVwap(
            new Symbol("HISTORY"),
            BarInterval.ONE_MINUTE,
            leanNineThirty,
            182.00,
            182.24,
            181.85,
            182.15,
            174289);
    writeBars(List.of(history));

    assertThat(
            new RealtimeViewReader(connection, VIEWS)
                .bars(
                    history.symbol(),
                    BarInterval.ONE_MINUTE,
                    leanNineThirty,
                    leanNineThirty.plusSeconds(60)))
        .isEmpty();
  }

  @Test
  @Timeout(120)
  void failsLoudlyWhenTheTablesAreMissing() {
    Map<String, String> fewRetries = new java.util.HashMap<>(hbaseSettings);
    fewRetries.put("hbase.client.retries.number", "1");
    HBaseViewsConfig missing = new HBaseViewsConfig("it_missing", 16);
    RealtimeViewWriter writer = RealtimeViewWriter.open(fewRetries, missing);
    writer.writeBar(TestRows.barRow(leanIbmMinuteBars(1).get(0)));

    assertThatThrownBy(writer::close)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith(
            "Cannot write realtime views in namespace it_missing: java.io.IOException: Cannot flush"
                + " and close it_missing:bars_1m: ");
  }

  /**
   * The first {@code count} IBM minute bars of the Lean session from 09:30 New York, re-dated to
   * {@link #SESSION} at the same New York time of day.
   */
  private static List<Bar> leanIbmMinuteBars(int count) {
    try {
      return Files.readAllLines(SharedData.resolve(LEAN_IBM_MINUTES)).stream()
          .map(line -> line.split(","))
          .filter(f -> Long.parseLong(f[0]) >= 34_200_000L) // 09:30:00 in ms after midnight
          .limit(count)
          .map(
              f ->
                  Bar.withTypicalPriceVwap(
                      IBM,
                      BarInterval.ONE_MINUTE,
                      newYork(SESSION, Duration.ofMillis(Long.parseLong(f[0]))),
                      Long.parseLong(f[1]) / 10_000.0, // Lean equity prices are in 1/10000 USD
                      Long.parseLong(f[2]) / 10_000.0,
                      Long.parseLong(f[3]) / 10_000.0,
                      Long.parseLong(f[4]) / 10_000.0,
                      Long.parseLong(f[5])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lean times are milliseconds after midnight, New York time. */
  private static Instant newYork(LocalDate date, Duration afterMidnight) {
    return date.atStartOfDay().plus(afterMidnight).atZone(MarketTime.MARKET_ZONE).toInstant();
  }

  private static Bar bar(
      Symbol symbol,
      Instant start,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    return Bar.withTypicalPriceVwap(
        symbol, BarInterval.ONE_MINUTE, start, open, high, low, close, volume);
  }

  /** Writes the bars as one micro-batch partition would. */
  private static void writeBars(List<Bar> bars) {
    List<Row> rows = bars.stream().map(TestRows::barRow).toList();
    try (RealtimeViewWriter writer = RealtimeViewWriter.open(hbaseSettings, VIEWS)) {
      rows.forEach(writer::writeBar);
    }
  }

  private static void writeQuotes(List<Quote> quotes) {
    List<Row> rows = quotes.stream().map(TestRows::quoteRow).toList();
    try (RealtimeViewWriter writer = RealtimeViewWriter.open(hbaseSettings, VIEWS)) {
      rows.forEach(writer::writeLatestQuote);
    }
  }

  private static void flush(RealtimeTable view) throws IOException {
    try (Admin admin = connection.getAdmin()) {
      admin.flush(TableName.valueOf(view.qualifiedName(VIEWS.namespace())));
    }
  }

  private static List<Cell> rawCells(RealtimeTable view, Symbol symbol) throws IOException {
    Scan scan =
        new Scan()
            .setStartStopRowForPrefixScan(VIEWS.rowKeyCodec().symbolPrefix(symbol))
            .readAllVersions();
    try (Table table =
            connection.getTable(TableName.valueOf(view.qualifiedName(VIEWS.namespace())));
        ResultScanner scanner = table.getScanner(scan)) {
      return java.util.stream.StreamSupport.stream(scanner.spliterator(), false)
          .map(Result::listCells)
          .flatMap(List::stream)
          .toList();
    }
  }
}
