package io.marketlambda.hbaseviews.batch;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HBase tables of the batch serving copy, in the realtime views' namespace:
 *
 * <pre>
 * table                     family  row key                                   holds
 * batch_views_&lt;run&gt;        d       salt + symbol + 0x00 + reversed bar start  daily bars (BarCells)
 *                           w       same                                      weekly bars
 *                           mo      same                                      monthly bars
 *                           i       same (daily bar start)                    daily indicators
 * batch_views               p       "current"                                 table, run_id, run_date
 *                           wm      "current"                                 per symbol: watermark
 * </pre>
 *
 * Row keys come from {@link io.marketlambda.hbaseviews.rowkey.RowKeyCodec} with the realtime views'
 * salt buckets. Values are 8-byte big-endian IEEE doubles (HBase {@code Bytes.toBytes(double)}),
 * except the trade count and watermarks (8-byte big-endian longs; a watermark is epoch ms UTC) and
 * the pointer's strings (UTF-8). Indicator qualifiers are the gold column names ({@code
 * sma_20_usd}, ...); an undefined indicator is NaN. Each batch run writes a new {@code
 * batch_views_<run>} table, then switches the pointer row in one atomic put: readers that read the
 * pointer first see one run's views, whole.
 */
public final class BatchViewTables {
  /** The pointer table. */
  public static final String POINTER_TABLE = "batch_views";

  /** The pointer's row key. */
  public static final String POINTER_ROW = "current";

  /** The pointer's family of run facts. */
  public static final String POINTER_FAMILY = "p";

  /** The pointer's family of watermarks, one qualifier per symbol. */
  public static final String WATERMARK_FAMILY = "wm";

  /** Qualifier of the live views table's name (within the namespace). */
  public static final String TABLE = "table";

  /** Qualifier of the run id. */
  public static final String RUN_ID = "run_id";

  /** Qualifier of the run date, ISO-8601. */
  public static final String RUN_DATE = "run_date";

  /** Family of daily bars. */
  public static final String DAILY = "d";

  /** Family of weekly bars. */
  public static final String WEEKLY = "w";

  /** Family of monthly bars. */
  public static final String MONTHLY = "mo";

  /** Family of daily indicators. */
  public static final String INDICATORS = "i";

  private static final String PREFIX = POINTER_TABLE + "_";
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9_]");

  private BatchViewTables() {}

  /**
   * The views table of a run: {@code batch_views_} and the run id in lower case with every other
   * character than {@code a-z 0-9} as {@code _}, e.g. {@code
   * batch_views_2013_10_04_20261121t0830z}.
   */
  public static String viewsTable(String runId) {
    return PREFIX + NOT_ALLOWED.matcher(runId.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  /** Whether a table name (within the namespace) is a views table of some run. */
  public static boolean isViewsTable(String tableName) {
    return tableName.startsWith(PREFIX);
  }
}
