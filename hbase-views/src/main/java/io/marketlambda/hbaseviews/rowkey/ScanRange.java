package io.marketlambda.hbaseviews.rowkey;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Row bounds of an HBase scan: {@code [startRowInclusive, stopRowExclusive)} in HBase's unsigned
 * lexicographic byte order. Arrays are copied in and out, so a range is immutable.
 *
 * @param startRowInclusive the first row key the scan may return
 * @param stopRowExclusive the row key the scan stops before
 */
public record ScanRange(byte[] startRowInclusive, byte[] stopRowExclusive) {
  /**
   * @throws NullPointerException when a bound is null
   */
  public ScanRange {
    startRowInclusive = Objects.requireNonNull(startRowInclusive, "startRowInclusive").clone();
    stopRowExclusive = Objects.requireNonNull(stopRowExclusive, "stopRowExclusive").clone();
  }

  /** Returns a copy of the first row key the scan may return. */
  @Override
  public byte[] startRowInclusive() {
    return startRowInclusive.clone();
  }

  /** Returns a copy of the row key the scan stops before. */
  @Override
  public byte[] stopRowExclusive() {
    return stopRowExclusive.clone();
  }

  /**
   * Returns whether no row key can fall in the range. Skip the scan then: HBase 1.x reads a scan
   * whose start and stop rows are equal as a get of that row.
   */
  public boolean isEmpty() {
    return Arrays.compareUnsigned(startRowInclusive, stopRowExclusive) >= 0;
  }

  /** Returns whether an HBase scan over this range would return {@code rowKey}. */
  public boolean contains(byte[] rowKey) {
    return Arrays.compareUnsigned(startRowInclusive, rowKey) <= 0
        && Arrays.compareUnsigned(rowKey, stopRowExclusive) < 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScanRange range
        && Arrays.equals(startRowInclusive, range.startRowInclusive)
        && Arrays.equals(stopRowExclusive, range.stopRowExclusive);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(startRowInclusive) + Arrays.hashCode(stopRowExclusive);
  }

  /** Returns both bounds in hex, e.g. {@code ScanRange[0a49424d00..., 0a49424d00...)}. */
  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "ScanRange["
        + hex.formatHex(startRowInclusive)
        + ", "
        + hex.formatHex(stopRowExclusive)
        + ")";
  }
}
