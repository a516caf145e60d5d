package io.marketlambda.hbaseviews.rowkey;

import java.util.Arrays;
import java.util.Comparator;

/** HBase's row order, written independently of the code under test. */
final class HBaseRowOrder {
  /** Unsigned lexicographic byte order, as HBase's {@code Bytes.BYTES_COMPARATOR}. */
  static final Comparator<byte[]> COMPARATOR = Arrays::compareUnsigned;

  private HBaseRowOrder() {}

  /** Whether an HBase scan from start (inclusive) to stop (exclusive) returns {@code row}. */
  static boolean scanReturns(ScanRange range, byte[] row) {
    return COMPARATOR.compare(range.startRowInclusive(), row) <= 0
        && COMPARATOR.compare(row, range.stopRowExclusive()) < 0;
  }
}
