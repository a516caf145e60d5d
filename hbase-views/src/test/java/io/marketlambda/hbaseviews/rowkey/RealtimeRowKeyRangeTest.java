package io.marketlambda.hbaseviews.rowkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prefix scans and time-range scans over realtime row keys, checked in HBase's row order. */
class RealtimeRowKeyRangeTest {
  private static final Symbol AB = new Symbol("AB");
  private static final Symbol ABC = new Symbol("ABC");
  private static final Symbol IBM = new Symbol("IBM");
  private static final Instant T0 = Instant.parse("2013-10-07T13:30:00Z");

  private final RowKeyCodec codec = new RowKeyCodec(16);

  @Test
  void symbolsThatArePrefixesOfOthersStayApartInOneBucket() {
    // One bucket puts AB and ABC side by side: only the separator keeps them apart.
    RowKeyCodec unsalted = new RowKeyCodec(1);
    byte[] prefixOfAb = unsalted.symbolPrefix(AB);
    ScanRange allOfAb =
        unsalted.rangeNewestFirst(AB, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    for (Instant time : List.of(Instant.EPOCH, T0, Instant.parse("2099-12-31T23:59:59.999Z"))) {
      byte[] keyOfAbc = unsalted.encode(ABC, time);
      assertThat(startsWith(keyOfAbc, prefixOfAb)).isFalse();
      assertThat(allOfAb.contains(keyOfAbc)).isFalse();
      assertThat(HBaseRowOrder.scanReturns(allOfAb, keyOfAbc)).isFalse();
      assertThat(HBaseRowOrder.scanReturns(allOfAb, unsalted.encode(AB, time))).isTrue();
    }
  }

  @Test
  void scanRangeHoldsExactlyTheEventTimesFromInclusiveToExclusive() {
    Instant from = T0;
    Instant to = T0.plusSeconds(60);
    ScanRange range = codec.rangeNewestFirst(IBM, from, to);

    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, from))).isTrue();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, from.minusMillis(1)))).isFalse();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, to.minusMillis(1)))).isTrue();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, to))).isFalse();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, from.plusSeconds(30)))).isTrue();
    assertThat(range.startRowInclusive()).isEqualTo(codec.encode(IBM, to.minusMillis(1)));
  }

  @Test
  void scanRangeFromTheEpochIncludesTheOldestEncodableRow() {
    ScanRange range = codec.rangeNewestFirst(IBM, Instant.EPOCH, T0);

    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, Instant.EPOCH))).isTrue();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, T0))).isFalse();
  }

  @Test
  void scanRangeWithinOneMillisecondIsEmpty() {
    ScanRange range = codec.rangeNewestFirst(IBM, T0, T0.plusNanos(999_999));

    assertThat(range.isEmpty()).isTrue();
    assertThat(HBaseRowOrder.scanReturns(range, codec.encode(IBM, T0))).isFalse();
  }

  @Test
  void scanRangeRejectsReversedBounds() {
    assertThatThrownBy(() -> codec.rangeNewestFirst(IBM, T0.plusMillis(1), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot build scan range of IBM: fromInclusive 2013-10-07T13:30:00.001Z is after"
                + " toExclusive 2013-10-07T13:30:00Z");
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
