package io.marketlambda.speed.stream;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The speed layer's figures as Prometheus metrics (the same figures {@link SpeedProgressLog} logs),
 * kept on the driver:
 *
 * <pre>
 * marketlambda_speed_input_rows_total{query}          Kafka records read
 * marketlambda_speed_rows_written_total{query}        rows the views query wrote (bars, indicator
 *                                                     rows, alerts)
 * marketlambda_speed_late_rows_dropped_total{query}   rows Spark's own operators dropped behind
 *                                                     the watermark (none: the views' state owns it)
 * marketlambda_speed_late_quotes_total                records sent to the late topic
 * marketlambda_speed_duplicates_total                 trades dropped as seen within the watermark
 * marketlambda_speed_latest_quote_records_total       quotes the latest-quote query has read
 * marketlambda_speed_dead_letters_total{field}        invalid quotes sent to the dead-letter topic,
 *                                                     by the field at fault ("$": whole record)
 * marketlambda_speed_indicator_rows_total             rows written to indicators_1m
 * marketlambda_speed_alerts_total{type}               provisional alerts raised
 * marketlambda_speed_offsets_without_record_total{query}  Kafka offsets a micro-batch covered
 *                                                     but found no record at: lost to retention
 *                                                     before they were read (or transaction markers)
 * marketlambda_speed_batch_duration_seconds{query}    the last micro-batch's duration
 * marketlambda_speed_watermark_seconds{query}         the event-time watermark, epoch seconds
 * </pre>
 *
 * Thread-safe.
 */
public final class SpeedMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  final Counter inputRows = counter("input_rows", "Kafka records read", "query");
  final Counter rowsWritten = counter("rows_written", "Rows written by the query", "query");
  final Counter lateRowsDropped =
      counter("late_rows_dropped", "Rows behind the watermark, left out of bars", "query");
  final Counter lateQuotes = counter("late_quotes", "Quotes sent to the late topic");
  final Counter deadLetters =
      counter("dead_letters", "Invalid quotes sent to the dead-letter topic", "field");
  final Counter latestQuoteRecords =
      counter("latest_quote_records", "Quotes the latest-quote query has read");
  final Counter duplicates =
      counter("duplicates", "Trades dropped as duplicates within the watermark");
  final Counter trades =
      counter(
          "trades",
          "Trades taken into bars, by what their sale conditions let them update: last (every"
              + " value), high-low (high, low, volume), volume (volume only), nothing (official"
              + " open and close reports, kept in the trade count)",
          "updates");
  final Counter indicatorRows = counter("indicator_rows", "Rows written to indicators_1m");
  final Counter alerts = counter("alerts", "Provisional alerts raised", "type");
  final Counter offsetsWithoutRecord =
      counter(
          "offsets_without_record",
          "Kafka offsets a micro-batch covered without a record: lost to retention before they were"
              + " read, or transaction markers",
          "query");
  final Counter restarts =
      counter(
          "query_restarts",
          "Times the queries were restarted from their checkpoints after one failed",
          "query");
  final Gauge batchDuration =
      Gauge.builder()
          .name("marketlambda_speed_batch_duration_seconds")
          .help("Duration of the query's last micro-batch")
          .labelNames("query")
          .register(registry);
  final Gauge watermark =
      Gauge.builder()
          .name("marketlambda_speed_watermark_seconds")
          .help("The query's event-time watermark, epoch seconds")
          .labelNames("query")
          .register(registry);

  /** The registry holding these metrics, e.g. to scrape in a test. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Serves {@code /metrics} in the Prometheus text format on {@code port} (all interfaces).
   *
   * @throws UncheckedIOException naming the port when it cannot be bound
   */
  public HTTPServer serve(int port) {
    try {
      return HTTPServer.builder().port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot serve metrics on port "
              + port
              + " (speed.metrics-port): "
              + e.getMessage()
              + "; choose another port, or 0 for none",
          e);
    }
  }

  private Counter counter(String name, String help, String... labels) {
    return Counter.builder()
        .name("marketlambda_speed_" + name + "_total")
        .help(help)
        .labelNames(labels)
        .register(registry);
  }

  /** Counts one restart of the queries after {@code query} failed. */
  public void restarted(String query) {
    restarts.labelValues(query).inc();
  }

  /** Adds one micro-batch's counts ({@link SpeedCounts}) of {@code query}. */
  void record(String query, java.util.Map<String, Long> counts) {
    long written = 0;
    for (var count : counts.entrySet()) {
      String name = count.getKey();
      long value = count.getValue();
      if (name.equals(SpeedCounts.LATE)) {
        lateQuotes.inc(value);
      } else if (name.equals(SpeedCounts.DUPLICATE)) {
        duplicates.inc(value);
      } else if (name.startsWith(SpeedCounts.DEAD_LETTER)) {
        deadLetters.labelValues(name.substring(SpeedCounts.DEAD_LETTER.length())).inc(value);
      } else if (name.startsWith(SpeedCounts.ALERT)) {
        alerts.labelValues(name.substring(SpeedCounts.ALERT.length())).inc(value);
        written += value;
      } else if (name.equals(SpeedCounts.INDICATORS)) {
        indicatorRows.inc(value);
        written += value;
      } else if (name.startsWith(SpeedCounts.TRADES)) {
        trades.labelValues(name.substring(SpeedCounts.TRADES.length())).inc(value);
      } else if (name.equals(SpeedCounts.LATEST_QUOTES)) {
        latestQuoteRecords.inc(value);
      } else if (name.equals(SpeedCounts.BARS)) {
        written += value;
      }
    }
    rowsWritten.labelValues(query).inc(written);
  }
}
