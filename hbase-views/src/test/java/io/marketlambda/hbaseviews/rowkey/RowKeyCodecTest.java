package io.marketlambda.hbaseviews.rowkey;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Symbol;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowKeyCodecTest {
  private static final Symbol AB = new Symbol("AB");
  private static final Symbol ABC = new Symbol("ABC");
  private static final Symbol IBM = new Symbol("IBM");
  private static final Instant T0 = Instant.parse("2013-10-07T13:30:00Z");

  private final RowKeyCodec codec = new RowKeyCodec(16);

  @Test
  void encodesSaltSymbolSeparatorAndReversedMillis() {
    long millis = T0.toEpochMilli();
    byte[] expected =
        ByteBuffer.allocate(1 + 3 + 1 + 8)
            .put((byte) crc32Bucket("IBM", 16))
            .put("IBM".getBytes(US_ASCII))
            .put((byte) 0)
            .putLong(Long.MAX_VALUE - millis)
            .array();

    assertThat(codec.encode(IBM, T0)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 16, 255, 256})
  void bucketIsCrc32OfTheSymbolModuloTheBucketCount(int buckets) {
    RowKeyCodec salted = new RowKeyCodec(buckets);

    for (String symbol : List.of("IBM", "AAPL", "MSFT", "BRK.B", "^GSPC", "ES=F")) {
      int bucket = salted.bucketOf(new Symbol(symbol));
      assertThat(bucket).isEqualTo(crc32Bucket(symbol, buckets)).isBetween(0, buckets - 1);
      assertThat(Byte.toUnsignedInt(salted.encode(new Symbol(symbol), T0)[0])).isEqualTo(bucket);
    }
  }

  @Test
  void newerEventsSortFirst() {
    byte[] older = codec.encode(IBM, T0);
    byte[] oneMilliLater = codec.encode(IBM, T0.plusMillis(1));
    byte[] aYearLater = codec.encode(IBM, Instant.parse("2014-10-07T13:30:00Z"));

    List<byte[]> sorted = new ArrayList<>(List.of(older, aYearLater, oneMilliLater));
    sorted.sort(HBaseRowOrder.COMPARATOR);

    assertThat(sorted).containsExactly(aYearLater, oneMilliLater, older);
  }

  @Test
  void roundTripsToWholeMilliseconds() {
    Instant withNanos = Instant.parse("2013-10-07T13:30:00.123456789Z");

    assertThat(codec.decode(codec.encode(IBM, withNanos)))
        .isEqualTo(new RowKey(IBM, Instant.parse("2013-10-07T13:30:00.123Z")));
    assertThat(codec.decode(codec.encode(new Symbol("BRK.B"), Instant.EPOCH)))
        .isEqualTo(new RowKey(new Symbol("BRK.B"), Instant.EPOCH));
  }

  @Test
  void symbolPrefixIsSaltSymbolAndSeparator() {
    byte[] expected = {(byte) crc32Bucket("AB", 16), 'A', 'B', 0};

    assertThat(codec.symbolPrefix(AB)).isEqualTo(expected);
    assertThat(codec.encode(AB, T0)).startsWith(expected);
  }

  @Test
  void latestRowKeyIsSaltAndSymbol() {
    assertThat(codec.latestRowKey(ABC)).containsExactly(crc32Bucket("ABC", 16), 'A', 'B', 'C');
  }

  @Test
  void rejectsEventTimesBeforeTheEpoch() {
    assertThatThrownBy(() -> codec.encode(IBM, Instant.parse("1969-12-31T23:59:59.999Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot encode row key of IBM: eventTime 1969-12-31T23:59:59.999Z is outside"
                + " [1970-01-01T00:00:00Z, +292278994-08-17T07:12:55.807Z]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 16, 256})
  void splitKeysAreOneBytePerBucketBoundaryInAscendingOrder(int buckets) {
    byte[][] splits = new RowKeyCodec(buckets).splitKeys();

    assertThat(splits.length).isEqualTo(buckets - 1);
    for (int i = 0; i < splits.length; i++) {
      assertThat(splits[i]).containsExactly(i + 1);
      if (i > 0) {
        assertThat(HBaseRowOrder.COMPARATOR.compare(splits[i - 1], splits[i])).isNegative();
      }
    }
  }

  @Test
  void everyKeyLandsInTheRegionOfItsBucket() {
    RowKeyCodec salted = new RowKeyCodec(4);
    byte[][] splits = salted.splitKeys();

    for (String text : List.of("IBM", "AAPL", "MSFT", "BRK.B", "^GSPC", "ES=F", "A", "ZZZZ")) {
      byte[] key = salted.encode(new Symbol(text), T0);
      // HBase region i holds the rows in [splits[i - 1], splits[i]).
      int region = 0;
      while (region < splits.length && HBaseRowOrder.COMPARATOR.compare(splits[region], key) <= 0) {
        region++;
      }
      assertThat(region).as(text).isEqualTo(crc32Bucket(text, 4));
    }
  }

  @Test
  void rejectsBucketCountsOutOfRange() {
    assertThatThrownBy(() -> new RowKeyCodec(0))
        .hasMessage("Cannot create row-key codec: saltBuckets 0 is not in [1, 256]");
    assertThatThrownBy(() -> new RowKeyCodec(257))
        .hasMessage("Cannot create row-key codec: saltBuckets 257 is not in [1, 256]");
  }

  @Test
  void decodeNamesMalformedKeysInHex() {
    byte[] good = codec.encode(IBM, T0);
    byte[] noSeparator = good.clone();
    noSeparator[4] = 'X';
    byte[] wrongBucket = good.clone();
    wrongBucket[0] = (byte) ((good[0] + 1) % 16);
    byte[] negativeTime = good.clone();
    negativeTime[5] = (byte) 0x80;

    assertDecodeFails(Arrays.copyOf(good, 10), "has 10 bytes, fewer than the 11 of a shortest key");
    assertDecodeFails(noSeparator, "has no 0x00 separator before its last 8 bytes");
    assertDecodeFails(
        wrongBucket,
        "has salt bucket " + (good[0] + 1) % 16 + ", not the bucket " + good[0] + " of IBM");
    assertDecodeFails(negativeTime, "has a negative reversed event time");
  }

  @Test
  void decodeRejectsKeysWithoutAValidSymbol() {
    byte[] lowerCase = codec.encode(IBM, T0);
    lowerCase[1] = 'i';

    assertDecodeFails(lowerCase, "holds no valid symbol: \"iBM\" starts with 'i'");
  }

  private void assertDecodeFails(byte[] key, String why) {
    assertThatThrownBy(() -> codec.decode(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot decode row key " + HexFormat.of().formatHex(key) + ": " + why);
  }

  private static int crc32Bucket(String symbol, int buckets) {
    CRC32 crc = new CRC32();
    crc.update(symbol.getBytes(US_ASCII));
    return (int) (crc.getValue() % buckets);
  }
}
