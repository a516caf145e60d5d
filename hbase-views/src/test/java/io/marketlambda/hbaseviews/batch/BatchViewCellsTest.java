package io.marketlambda.hbaseviews.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.RealtimeCellCodec;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellComparator;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.Result;
import org.junit.jupiter.api.Test;

class BatchViewCellsTest {
  // 2013-10-04 is a Friday; midnight New York (EDT) is 04:00 UTC.
  private static final Instant OCT_4 = Instant.parse("2013-10-04T04:00:00Z");
  private static final Symbol IBM = new Symbol("IBM");
  // Stooq IBM daily bar of 2013-10-04 (unadjusted): 184.17 185.15 183.58 184.10, 2,913,150 shares.
  private static final Bar DAILY =
      Bar.withTypicalPriceVwap(
          IBM, BarInterval.ONE_DAY, OCT_4, 184.17, 185.15, 183.58, 184.10, 2_913_150);

  private final RowKeyCodec rowKeys = new RowKeyCodec(16);
  private final BatchViewCells cells = new BatchViewCells(rowKeys);

  @Test
  void aBatchBarIsEncodedAsTheRealtimeBarsAreAndReadsBackWhole() {
    List<BatchViewCells.Cell> written = cells.bar(DAILY);

    assertThat(written).hasSize(7);
    assertThat(written)
        .allSatisfy(
            cell -> {
              assertThat(new String(cell.family(), StandardCharsets.UTF_8)).isEqualTo("d");
              assertThat(cell.timestamp()).isEqualTo(OCT_4.toEpochMilli());
              assertThat(cell.row()).isEqualTo(rowKeys.encode(IBM, OCT_4));
              assertThat(cell.salt()).isEqualTo(rowKeys.bucketOf(IBM));
            });
    List<RealtimeCellCodec.CellValue> realtime = RealtimeCellCodec.barCells(DAILY);
    for (int i = 0; i < realtime.size(); i++) {
      assertThat(written.get(i).qualifier()).isEqualTo(realtime.get(i).qualifier());
      assertThat(written.get(i).value()).isEqualTo(realtime.get(i).value());
    }
    Bar read =
        new RealtimeCellCodec(rowKeys)
            .decodeBar(result(written), BarInterval.ONE_DAY, BatchViewTables.DAILY);
    assertThat(read).isEqualTo(DAILY);
  }

  @Test
  void weeklyAndMonthlyBarsGoToTheirFamiliesAndIntradayBarsAreRefused() {
    Bar weekly =
        Bar.withTypicalPriceVwap(
            IBM,
            BarInterval.ONE_WEEK,
            Instant.parse("2013-09-30T04:00:00Z"),
            184,
            186,
            183,
            185,
            10_000);
    assertThat(new String(cells.bar(weekly).get(0).family(), StandardCharsets.UTF_8))
        .isEqualTo("w");
    Bar minute =
        Bar.withTypicalPriceVwap(
            IBM, BarInterval.ONE_MINUTE, Instant.parse("2013-10-07T13:30:00Z"), 1, 1, 1, 1, 1);
    assertThatThrownBy(() -> cells.bar(minute))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1m")
        .hasMessageContaining("1d, 1w and 1mo");
  }

  @Test
  void dailyIndicatorsKeepTheirColumnNamesAndStoreUndefinedAsNaN() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("sma_20_usd", 183.5);
    values.put("sma_200_usd", null);

    List<BatchViewCells.Cell> written = cells.dailyIndicators(IBM, OCT_4, values);

    assertThat(written).hasSize(2);
    assertThat(new String(written.get(0).family(), StandardCharsets.UTF_8)).isEqualTo("i");
    assertThat(new String(written.get(0).qualifier(), StandardCharsets.UTF_8))
        .isEqualTo("sma_20_usd");
    assertThat(written.get(0).value()).isEqualTo(ByteBuffer.allocate(8).putDouble(183.5).array());
    assertThat(ByteBuffer.wrap(written.get(1).value()).getDouble()).isNaN();
  }

  private static Result result(List<BatchViewCells.Cell> written) {
    Cell[] hbaseCells =
        written.stream()
            .map(c -> new KeyValue(c.row(), c.family(), c.qualifier(), c.timestamp(), c.value()))
            .sorted(CellComparator.getInstance())
            .toArray(Cell[]::new);
    return Result.create(hbaseCells);
  }

  @Test
  void aGoldRowIsEncodedAsItIsEvenWhenItBreaksTheRulesOfABar() {
    // A row silver flagged (ohlc_order_ok false): high below low. The export writes what gold
    // holds.
    List<BatchViewCells.Cell> written =
        cells.bar(IBM, BarInterval.ONE_DAY, OCT_4, 184.17, 183.0, 184.0, 184.10, 100, 184.0, 3);

    assertThat(written).hasSize(7);
    assertThat(ByteBuffer.wrap(written.get(1).value()).getDouble()).isEqualTo(183.0);
    assertThat(ByteBuffer.wrap(written.get(6).value()).getLong()).isEqualTo(3);
  }
}
