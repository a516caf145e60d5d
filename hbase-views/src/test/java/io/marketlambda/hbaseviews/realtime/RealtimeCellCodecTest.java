package io.marketlambda.hbaseviews.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellComparator;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.junit.jupiter.api.Test;

class RealtimeCellCodecTest {
  // 2013-10-07T13:30:00Z (09:30 New York, EDT) is 1381152600000 ms after the epoch.
  private static final long NINE_THIRTY_MILLIS = 1_381_152_600_000L;
  private static final Instant NINE_THIRTY = Instant.ofEpochMilli(NINE_THIRTY_MILLIS);
  private static final Symbol IBM = new Symbol("IBM");
  // Lean IBM minute bar 09:30: open 182.00 high 182.24 low 181.85 close 182.15 volume 174289.
  private static final Bar BAR =
      Bar.withTypicalPriceVwap(
          IBM, BarInterval.ONE_MINUTE, NINE_THIRTY, 182.00, 182.24, 181.85, 182.15, 174289);
  private static final Quote QUOTE =
      new Quote(IBM, NINE_THIRTY.plusMillis(1_234), 182.15, 300, "lean-tick", 42);

  private final RowKeyCodec rowKeys = new RowKeyCodec(16);
  private final RealtimeCellCodec cells = new RealtimeCellCodec(rowKeys);

  @Test
  void barCellsAreBigEndianIeeeDoublesAtTheBarStart() {
    List<Cell> written = cellsOf(cells.encode(BAR));

    assertThat(written).hasSize(7);
    assertThat(written)
        .allSatisfy(cell -> assertThat(cell.getTimestamp()).isEqualTo(NINE_THIRTY_MILLIS));
    assertThat(written)
        .allSatisfy(cell -> assertThat(CellUtil.cloneFamily(cell)).isEqualTo(ascii("b")));
    assertThat(value(written, "o")).isEqualTo(ByteBuffer.allocate(8).putDouble(182.00).array());
    assertThat(value(written, "v")).isEqualTo(ByteBuffer.allocate(8).putDouble(174289).array());
    assertThat(value(written, "n")).isEqualTo(new byte[8]);
    assertThat(CellUtil.cloneRow(written.get(0))).isEqualTo(rowKeys.encode(IBM, NINE_THIRTY));
  }

  @Test
  void quoteCellsCarryTheEventTime() {
    long eventMillis = NINE_THIRTY_MILLIS + 1_234;
    List<Cell> written = cellsOf(cells.encode(QUOTE));

    assertThat(written).hasSize(5);
    assertThat(written).allSatisfy(cell -> assertThat(cell.getTimestamp()).isEqualTo(eventMillis));
    assertThat(CellUtil.cloneRow(written.get(0))).isEqualTo(rowKeys.latestRowKey(IBM));
    assertThat(value(written, "p")).isEqualTo(ByteBuffer.allocate(8).putDouble(182.15).array());
    assertThat(value(written, "t")).isEqualTo(ByteBuffer.allocate(8).putLong(eventMillis).array());
    assertThat(value(written, "seq")).isEqualTo(ByteBuffer.allocate(8).putLong(42).array());
    assertThat(value(written, "src")).isEqualTo(ascii("lean-tick"));
  }

  @Test
  void barRoundTrips() {
    assertThat(cells.decodeBar(resultOf(cells.encode(BAR)), BarInterval.ONE_MINUTE)).isEqualTo(BAR);
  }

  @Test
  void quoteRoundTrips() {
    assertThat(cells.decodeQuote(resultOf(cells.encode(QUOTE)), IBM)).isEqualTo(QUOTE);
  }

  @Test
  void barsOfEachIntervalGoToTheirFamily() {
    // Lean IBM 09:30-09:35 from the five minute bars 34200000 .. 34440000.
    Bar fiveMinutes =
        Bar.withTypicalPriceVwap(
            IBM, BarInterval.FIVE_MINUTES, NINE_THIRTY, 182.00, 182.70, 181.85, 182.35, 303719);

    assertThat(cells.decodeBar(resultOf(cells.encode(fiveMinutes)), BarInterval.FIVE_MINUTES))
        .isEqualTo(fiveMinutes);
  }

  @Test
  void indicatorsKeepNaNForUndefinedValuesAndRoundTrip() {
    java.util.Map<String, Double> values = new java.util.TreeMap<>();
    for (String qualifier : IndicatorCells.ALL) {
      values.put(qualifier, Double.NaN);
    }
    values.put(IndicatorCells.CLOSE_USD, 182.15);
    values.put(IndicatorCells.VOLUME_SHARES, 174289.0);
    values.put(IndicatorCells.SESSION_VWAP_USD, (182.24 + 181.85 + 182.15) / 3);
    IndicatorSnapshot first = new IndicatorSnapshot(IBM, NINE_THIRTY, values);

    List<Cell> written = cellsOf(cells.encode(first));

    assertThat(written).hasSize(IndicatorCells.ALL.size());
    assertThat(written)
        .allSatisfy(cell -> assertThat(cell.getTimestamp()).isEqualTo(NINE_THIRTY_MILLIS));
    assertThat(value(written, "sma5"))
        .isEqualTo(ByteBuffer.allocate(8).putDouble(Double.NaN).array());
    IndicatorSnapshot decoded = cells.decodeIndicators(Result.create(written));
    assertThat(decoded.value(IndicatorCells.CLOSE_USD)).isEqualTo(182.15);
    assertThat(decoded.value(IndicatorCells.SMA_5_USD)).isNaN();
    assertThat(decoded.barStart()).isEqualTo(NINE_THIRTY);
  }

  @Test
  void alertsShareTheRowOfTheirBarAndRoundTrip() {
    Alert spike = new Alert(IBM, NINE_THIRTY, AlertType.PRICE_SPIKE, 0.021, 0.02, true);
    Alert volume = new Alert(IBM, NINE_THIRTY, AlertType.VOLUME_SPIKE, 5.5, 4.0, true);
    List<Cell> written = new ArrayList<>(cellsOf(cells.encode(spike)));
    written.addAll(cellsOf(cells.encode(volume)));
    written.sort(CellComparator.getInstance());

    assertThat(value(written, "price_spike"))
        .isEqualTo(ByteBuffer.allocate(8).putDouble(0.021).array());
    assertThat(value(written, "volume_spike.threshold"))
        .isEqualTo(ByteBuffer.allocate(8).putDouble(4.0).array());
    assertThat(cells.decodeAlerts(Result.create(written))).containsExactly(spike, volume);
    assertThat(spike.id()).isEqualTo("IBM/price_spike/" + NINE_THIRTY_MILLIS);
  }

  @Test
  void rejectsRowWithMissingCell() {
    List<Cell> written = cellsOf(cells.encode(BAR));
    written.removeIf(
        cell -> new String(CellUtil.cloneQualifier(cell), StandardCharsets.US_ASCII).equals("c"));

    assertThatThrownBy(() -> cells.decodeBar(Result.create(written), BarInterval.ONE_MINUTE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot decode realtime view row ")
        .hasMessageContaining(": cell b:c is missing; was it written by RealtimeViewWriter?");
  }

  private static List<Cell> cellsOf(Put put) {
    List<Cell> all = new ArrayList<>();
    put.getFamilyCellMap().values().forEach(all::addAll);
    all.sort(CellComparator.getInstance());
    return all;
  }

  private static Result resultOf(Put put) {
    return Result.create(cellsOf(put));
  }

  private static byte[] value(List<Cell> written, String qualifier) {
    return written.stream()
        .filter(
            cell ->
                new String(CellUtil.cloneQualifier(cell), StandardCharsets.US_ASCII)
                    .equals(qualifier))
        .map(CellUtil::cloneValue)
        .findFirst()
        .orElseThrow();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
