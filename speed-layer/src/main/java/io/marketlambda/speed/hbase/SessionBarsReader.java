package io.marketlambda.speed.hbase;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.views.BarColumns;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Reads back, on the executors, the 1-minute bars of the sessions a micro-batch touched, for
 * recomputing their intraday indicators: per input row (symbol, earliest and latest changed bar
 * start), the symbol's bars from the regular open of the earliest one's trading date to the latest
 * one, plus the previous session's last regular-session bar (for the opening gap; looked for up to
 * {@link #PREVIOUS_SESSION_LOOK_BACK} back, past weekends and holidays).
 *
 * <p>Input columns: {@code symbol} string, {@code from} and {@code to} timestamps. Output: {@link
 * io.marketlambda.views.BarColumns}. One HBase connection per partition that has rows, opened on
 * the executor; only plain settings travel in the closure.
 */
public final class SessionBarsReader implements MapPartitionsFunction<Row, Row> {
  /** How far back the previous session's close is looked for. */
  public static final Duration PREVIOUS_SESSION_LOOK_BACK = Duration.ofDays(10);

  public static final String FROM = "from";
  public static final String TO = "to";

  private final Map<String, String> hbaseSettings;
  private final RealtimeViewsConfig views;

  /**
   * @param hbaseSettings HBase client settings, as for {@link RealtimeViewWriter#open}
   * @param views the realtime views' namespace and salt buckets
   */
  public SessionBarsReader(Map<String, String> hbaseSettings, RealtimeViewsConfig views) {
    this.hbaseSettings = Map.copyOf(hbaseSettings);
    this.views = views;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> touched) {
    if (!touched.hasNext()) {
      return java.util.Collections.emptyIterator();
    }
    List<Row> bars = new ArrayList<>();
    try (Connection connection = HBaseConnector.connect(hbaseSettings)) {
      RealtimeViewReader reader = new RealtimeViewReader(connection, views);
      while (touched.hasNext()) {
        Row row = touched.next();
        Symbol symbol = new Symbol(row.getAs(BarColumns.SYMBOL));
        Instant open = MarketTime.regularOpenOf(MarketTime.tradingDate(instant(row.getAs(FROM))));
        Instant to =
            instant(row.getAs(TO)).plus(BarInterval.ONE_MINUTE.fixedLength().orElseThrow());
        reader
            .lastRegularSessionBarBefore(symbol, open, PREVIOUS_SESSION_LOOK_BACK)
            .ifPresent(bar -> bars.add(SparkRows.barRow(bar)));
        for (Bar bar : reader.bars(symbol, BarInterval.ONE_MINUTE, open, to)) {
          bars.add(SparkRows.barRow(bar));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot close the HBase connection: " + e, e);
    }
    return bars.iterator();
  }

  private static Instant instant(Object timestamp) {
    return timestamp instanceof Timestamp t ? t.toInstant() : (Instant) timestamp;
  }
}
