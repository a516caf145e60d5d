package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.marketlambda.views.AlertColumns;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Publishes alerts to the alerts topic as JSON, keyed by alert id (so a compacted topic keeps one
 * record per alert, and consumers can drop the repeats a replayed micro-batch or a bar updated by
 * later trades sends):
 *
 * <pre>{@code
 * {"schemaVersion":"marketlambda.alerts.v1","alertId":"IBM/price_spike/1381152600000",
 *  "symbol":"IBM","type":"price_spike","time":"2013-10-07T13:30:00.000Z",
 *  "value":0.021,"threshold":0.02,"status":"provisional"}
 * }</pre>
 *
 * {@code time} is the start of the 1-minute bar that raised the alert (ISO-8601, UTC); {@code
 * value} and {@code threshold} are fractions for price moves and gaps, z-scores for volume.
 */
final class AlertsTopic {
  static final String SCHEMA_VERSION = "marketlambda.alerts.v1";

  private AlertsTopic() {}

  /** Writes {@code alerts} (rows of {@link AlertColumns}) to {@code topic}. */
  static void send(Dataset<Row> alerts, String topic, Map<String, String> kafka) {
    KafkaOptions.save(
        alerts.select(
            col(AlertColumns.ALERT_ID).cast("binary").as("key"),
            to_json(
                    struct(
                        lit(SCHEMA_VERSION).as("schemaVersion"),
                        col(AlertColumns.ALERT_ID).as("alertId"),
                        col(AlertColumns.SYMBOL).as("symbol"),
                        col(AlertColumns.ALERT_TYPE).as("type"),
                        date_format(col(AlertColumns.ALERT_TIME), "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                            .as("time"),
                        col(AlertColumns.VALUE).as("value"),
                        col(AlertColumns.THRESHOLD).as("threshold"),
                        col(AlertColumns.STATUS).as("status")))
                .cast("binary")
                .as("value")),
        topic,
        kafka);
  }
}
