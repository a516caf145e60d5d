package io.marketlambda.hbaseviews.rowkey;

import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.util.Bytes;

/** HBase scans of one symbol's rows of a view, from the row-key codec's {@link ScanRange}. */
public final class RowScans {
  /** Rows fetched per RPC: a year of daily bars, or most of a session of minutes, in one. */
  static final int CACHING = 500;

  private RowScans() {}

  /** The scan of {@code range} (start inclusive, stop exclusive) over one column family. */
  public static Scan of(ScanRange range, String family) {
    return new Scan()
        .withStartRow(range.startRowInclusive(), true)
        .withStopRow(range.stopRowExclusive(), false)
        .addFamily(Bytes.toBytes(family))
        .setCaching(CACHING);
  }
}
