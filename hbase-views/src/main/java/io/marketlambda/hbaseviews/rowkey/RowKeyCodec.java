package io.marketlambda.hbaseviews.rowkey;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Row keys of the HBase realtime views:
 *
 * <pre>
 * [salt bucket: 1 byte] [symbol: ASCII bytes] [0x00]
 * [Long.MAX_VALUE - event time in epoch milliseconds UTC: 8 bytes, big-endian]
 * </pre>
 *
 * <ul>
 *   <li>The salt bucket is {@code CRC32(symbol ASCII bytes) mod saltBuckets}, stable across JVMs
 *       and versions, so one symbol's rows live in one bucket and symbols spread over {@link
 *       #splitKeys() pre-split} regions. The bucket count is part of a table's identity: changing
 *       it moves every row, so a table is rebuilt to change it.
 *   <li>The {@code 0x00} separator sorts below every symbol byte (symbols never contain it), so the
 *       rows of {@code AB} never share a prefix with those of {@code ABC}.
 *   <li>The reversed time makes a symbol's rows sort newest first. Event times are truncated to
 *       milliseconds: events of one symbol within the same millisecond share a row.
 * </ul>
 *
 * <p>Thread-safe and immutable.
 */
public final class RowKeyCodec {
  /** The most salt buckets a one-byte bucket can address. */
  public static final int MAX_SALT_BUCKETS = 256;

  private static final byte SEPARATOR = 0x00;
  private static final Instant LAST_ENCODABLE = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final int saltBuckets;

  /**
   * @param saltBuckets the number of salt buckets, 1 to {@value #MAX_SALT_BUCKETS}
   * @throws IllegalArgumentException when {@code saltBuckets} is out of range
   */
  public RowKeyCodec(int saltBuckets) {
    if (saltBuckets < 1 || saltBuckets > MAX_SALT_BUCKETS) {
      throw new IllegalArgumentException(
          "Cannot create row-key codec: saltBuckets %d is not in [1, %d]"
              .formatted(saltBuckets, MAX_SALT_BUCKETS));
    }
    this.saltBuckets = saltBuckets;
  }

  /** Returns the number of salt buckets, 1 to {@value #MAX_SALT_BUCKETS}. */
  public int saltBuckets() {
    return saltBuckets;
  }

  /** Returns the salt bucket of a symbol, {@code CRC32(ASCII bytes) mod saltBuckets}. */
  public int bucketOf(Symbol symbol) {
    return bucketOf(ascii(symbol));
  }

  /**
   * Returns the row key of a symbol's row at an event time, truncated to milliseconds.
   *
   * @throws IllegalArgumentException when {@code eventTime} is before 1970-01-01T00:00:00Z or
   *     beyond the epoch-millisecond range
   */
  public byte[] encode(Symbol symbol, Instant eventTime) {
    return keyAt(symbol, epochMillis(symbol, eventTime, "eventTime"));
  }

  /**
   * Returns the symbol and event time (whole milliseconds, UTC) of a row key.
   *
   * @throws IllegalArgumentException when the bytes are not a row key of this codec: too short, no
   *     separator, no valid symbol, a salt bucket not the symbol's, or a negative reversed time;
   *     the message shows the key in hex
   */
  public RowKey decode(byte[] rowKey) {
    int separatorAt = rowKey.length - Long.BYTES - 1;
    if (separatorAt < 2) {
      throw malformed(
          rowKey, "has " + rowKey.length + " bytes, fewer than the 11 of a shortest key");
    }
    if (rowKey[separatorAt] != SEPARATOR) {
      throw malformed(rowKey, "has no 0x00 separator before its last 8 bytes");
    }
    Symbol symbol;
    try {
      symbol = new Symbol(new String(rowKey, 1, separatorAt - 1, StandardCharsets.US_ASCII));
    } catch (InvalidRecordException e) {
      throw malformed(rowKey, "holds no valid symbol: " + e.reason());
    }
    int bucket = Byte.toUnsignedInt(rowKey[0]);
    if (bucket != bucketOf(symbol)) {
      throw malformed(
          rowKey,
          "has salt bucket " + bucket + ", not the bucket " + bucketOf(symbol) + " of " + symbol);
    }
    long reversedMillis = ByteBuffer.wrap(rowKey, separatorAt + 1, Long.BYTES).getLong();
    if (reversedMillis < 0) {
      throw malformed(rowKey, "has a negative reversed event time " + reversedMillis);
    }
    return new RowKey(symbol, Instant.ofEpochMilli(Long.MAX_VALUE - reversedMillis));
  }

  /** Returns the key of a symbol in the one-row-per-symbol latest-quote view: salt + symbol. */
  public byte[] latestRowKey(Symbol symbol) {
    byte[] symbolBytes = ascii(symbol);
    byte[] key = new byte[symbolBytes.length + 1];
    key[0] = (byte) bucketOf(symbolBytes);
    System.arraycopy(symbolBytes, 0, key, 1, symbolBytes.length);
    return key;
  }

  /** Returns the prefix of every row key of a symbol, salt + symbol + {@code 0x00}, for scans. */
  public byte[] symbolPrefix(Symbol symbol) {
    byte[] saltedSymbol = latestRowKey(symbol);
    byte[] prefix = Arrays.copyOf(saltedSymbol, saltedSymbol.length + 1);
    prefix[saltedSymbol.length] = SEPARATOR;
    return prefix;
  }

  /**
   * Returns the {@code saltBuckets - 1} region split points for pre-splitting a table, in ascending
   * order: the one-byte keys {@code 0x01 .. saltBuckets-1}, so each region holds one bucket.
   */
  public byte[][] splitKeys() {
    byte[][] splits = new byte[saltBuckets - 1][];
    for (int bucket = 1; bucket < saltBuckets; bucket++) {
      splits[bucket - 1] = new byte[] {(byte) bucket};
    }
    return splits;
  }

  /**
   * Returns the scan bounds of a symbol's rows with event times in {@code [fromInclusive,
   * toExclusive)}, newest first. Both bounds are truncated to milliseconds, like the keys.
   *
   * @return the bounds; {@link ScanRange#isEmpty() empty} when both bounds fall in one millisecond
   * @throws IllegalArgumentException when {@code fromInclusive} is after {@code toExclusive}, or a
   *     bound cannot be encoded (see {@link #encode})
   */
  public ScanRange rangeNewestFirst(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    long fromMillis = epochMillis(symbol, fromInclusive, "fromInclusive");
    long toMillis = epochMillis(symbol, toExclusive, "toExclusive");
    if (fromInclusive.isAfter(toExclusive)) {
      throw new IllegalArgumentException(
          "Cannot build scan range of %s: fromInclusive %s is after toExclusive %s"
              .formatted(symbol, fromInclusive, toExclusive));
    }
    if (fromMillis == toMillis) {
      byte[] prefix = symbolPrefix(symbol);
      return new ScanRange(prefix, prefix);
    }
    byte[] newest = keyAt(symbol, toMillis - 1);
    byte[] oldest = keyAt(symbol, fromMillis);
    // Appending a byte gives the smallest key above the oldest key, which is below the next older.
    return new ScanRange(newest, Arrays.copyOf(oldest, oldest.length + 1));
  }

  private byte[] keyAt(Symbol symbol, long epochMillis) {
    byte[] prefix = symbolPrefix(symbol);
    return ByteBuffer.allocate(prefix.length + Long.BYTES)
        .put(prefix)
        .putLong(Long.MAX_VALUE - epochMillis)
        .array();
  }

  private int bucketOf(byte[] symbolBytes) {
    CRC32 crc = new CRC32();
    crc.update(symbolBytes);
    return (int) (crc.getValue() % saltBuckets);
  }

  private static byte[] ascii(Symbol symbol) {
    return symbol.value().getBytes(StandardCharsets.US_ASCII);
  }

  private static long epochMillis(Symbol symbol, Instant time, String name) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(time, name);
    if (time.isBefore(Instant.EPOCH) || time.isAfter(LAST_ENCODABLE)) {
      throw new IllegalArgumentException(
          "Cannot encode row key of %s: %s %s is outside [%s, %s]"
              .formatted(symbol, name, time, Instant.EPOCH, LAST_ENCODABLE));
    }
    return time.toEpochMilli();
  }

  private static IllegalArgumentException malformed(byte[] rowKey, String why) {
    return new IllegalArgumentException(
        "Cannot decode row key " + HexFormat.of().formatHex(rowKey) + ": " + why);
  }
}
