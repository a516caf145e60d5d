package io.marketlambda.speed.hbase;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.SparkTimes;
import io.marketlambda.viewstore.HBaseConnector;
import io.marketlambda.viewstore.RealtimeViewReader;
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
 * Reads back, on the executors, the 1-minute bars that the views derived from a micro-batch's
 * changed 1-minute bars depend on: per input row (symbol, earliest and latest changed bar start),
 * the symbol's bars that the 5m, 15m and 1h bars and the session's indicators need ({@link
 * #sessionRange}); and, when the session's first regular bar is among the changed ones, the
 * previous session's last regular-session bar (for the opening gap; looked for up to {@link
 * #PREVIOUS_SESSION_LOOK_BACK} back, past weekends and holidays).
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
        Instant from = SparkTimes.instant(row.getAs(FROM));
        Instant[] range = sessionRange(from, SparkTimes.instant(row.getAs(TO)));
        Instant open = MarketTime.regularOpenOf(MarketTime.tradingDate(from));
        if (!from.isAfter(open)) {
          reader
              .lastRegularSessionBarBefore(symbol, open, PREVIOUS_SESSION_LOOK_BACK)
              .ifPresent(bar -> bars.add(SparkRows.barRow(bar)));
        }
        for (Bar bar : reader.bars(symbol, BarInterval.ONE_MINUTE, range[0], range[1])) {
          bars.add(SparkRows.barRow(bar));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot close the HBase connection: " + e, e);
    }
    return bars.iterator();
  }

  /**
   * The 1-minute bars to read back when the changed ones start in {@code [from, to]}: from the
   * start of {@code from}'s hour (the 5m, 15m and 1h bars that hold it) or, when {@code from} is in
   * the regular session, from its open if earlier (indicators run over the whole session), to the
   * end of bar {@code to}.
   *
   * @return {@code [fromInclusive, toExclusive]}
   */
  static Instant[] sessionRange(Instant from, Instant to) {
    Instant open = MarketTime.regularOpenOf(MarketTime.tradingDate(from));
    Instant hour = BarInterval.ONE_HOUR.startOf(from);
    Instant end = to.plus(BarInterval.ONE_MINUTE.fixedLength().orElseThrow());
    Instant start = MarketTime.isRegularSession(from) && open.isBefore(hour) ? open : hour;
    return new Instant[] {start, end};
  }
}
