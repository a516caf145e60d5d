package io.marketlambda.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.QuoteColumns;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The quotes landed in {@code bronze.quotes} (raw Kafka values, {@link
 * io.marketlambda.batch.bronze.QuoteLanding}), parsed with the wire codec into trades, and the
 * trades as one-minute bars ({@code silver.bars_intraday}, source {@value #SOURCE}) that the daily
 * bars are rolled up from where no vendor bar exists ({@link IntradayDailyBars}).
 *
 * <p>A value the codec rejects (not JSON, a field missing or of the wrong type, a schema version
 * other than 1, a non-positive price, a negative size...) never stops the run: it goes to the
 * quarantine ({@link #QUARANTINE}) with the field and reason. A quote landed twice (a producer
 * retry writes the same quote at two offsets) counts once: quotes are one per source, symbol, event
 * time and sequence, the lowest topic, partition and offset kept.
 */
public final class SilverQuotes {
  /** The {@code source} of the bars made from landed quotes. */
  public static final String SOURCE = "quotes";

  public static final String REJECT_FIELD = "reject_field";
  public static final String REJECT_REASON = "reject_reason";

  /**
   * A decoded row: the {@link QuoteColumns} (null when rejected), {@code reject_field} and {@code
   * reject_reason} (null when accepted), and the lineage {@code kafka_topic}, {@code
   * kafka_partition}, {@code kafka_offset}, {@code kafka_value}.
   */
  static final StructType DECODED =
      nullable(QuoteColumns.SCHEMA)
          .add(REJECT_FIELD, DataTypes.StringType, true)
          .add(REJECT_REASON, DataTypes.StringType, true)
          .add(BronzeColumns.KAFKA_TOPIC, DataTypes.StringType, false)
          .add(BronzeColumns.KAFKA_PARTITION, DataTypes.IntegerType, false)
          .add(BronzeColumns.KAFKA_OFFSET, DataTypes.LongType, false)
          .add(BronzeColumns.KAFKA_VALUE, DataTypes.BinaryType, true);

  /**
   * The quarantine rows: kafka_topic, kafka_partition, kafka_offset (the record), reject_field,
   * reject_reason, and value (the Kafka value as UTF-8 text, for people).
   */
  public static final StructType QUARANTINE =
      new StructType()
          .add(BronzeColumns.KAFKA_TOPIC, DataTypes.StringType, false)
          .add(BronzeColumns.KAFKA_PARTITION, DataTypes.IntegerType, false)
          .add(BronzeColumns.KAFKA_OFFSET, DataTypes.LongType, false)
          .add(REJECT_FIELD, DataTypes.StringType, true)
          .add(REJECT_REASON, DataTypes.StringType, true)
          .add("value", DataTypes.StringType, true);

  private SilverQuotes() {}

  /**
   * Every row of {@code bronze.quotes} decoded, as {@link #DECODED}.
   *
   * @param maxAheadMillis how far an event time may be ahead of the row's Kafka timestamp before
   *     the row is rejected (field {@code eventTime})
   */
  public static Dataset<Row> decode(Dataset<Row> bronzeQuotes, long maxAheadMillis) {
    return bronzeQuotes.map(new BronzeQuoteDecoder(maxAheadMillis), Encoders.row(DECODED));
  }

  /** The rejected rows of {@link #decode}, as {@link #QUARANTINE}. */
  public static Dataset<Row> rejected(Dataset<Row> decoded) {
    return decoded
        .filter(col(REJECT_FIELD).isNotNull())
        .select(
            col(BronzeColumns.KAFKA_TOPIC),
            col(BronzeColumns.KAFKA_PARTITION),
            col(BronzeColumns.KAFKA_OFFSET),
            col(REJECT_FIELD),
            col(REJECT_REASON),
            col(BronzeColumns.KAFKA_VALUE).cast(DataTypes.StringType).as("value"));
  }

  /** The accepted trades of {@link #decode}, once each, as {@link QuoteColumns}. */
  public static Dataset<Row> trades(Dataset<Row> decoded) {
    return decoded
        .filter(col(REJECT_FIELD).isNull())
        .withColumn(
            "copy",
            row_number()
                .over(
                    Window.partitionBy(
                            QuoteColumns.SOURCE,
                            QuoteColumns.SYMBOL,
                            QuoteColumns.EVENT_TIME,
                            QuoteColumns.SEQUENCE)
                        .orderBy(
                            BronzeColumns.KAFKA_TOPIC,
                            BronzeColumns.KAFKA_PARTITION,
                            BronzeColumns.KAFKA_OFFSET)))
        .filter(col("copy").equalTo(1))
        .select(
            Arrays.stream(QuoteColumns.SCHEMA.fieldNames())
                .map(c -> col(c))
                .toArray(Column[]::new));
  }

  /**
   * The trades up to the run date (New York trading date) as one-minute bars ({@link
   * BarsPipeline#fromQuotes}, the speed layer's definition), as rows of {@link BronzeColumns#BARS}
   * with source {@value #SOURCE}, {@code ingested_at} the latest landing of bronze, empty
   * lineage_file and lineage_line 0.
   *
   * @param rules what a trade of each sale condition updates, as in the speed layer
   */
  public static Dataset<Row> minuteBars(
      Dataset<Row> trades, Dataset<Row> bronzeQuotes, LocalDate runDate, SaleConditionRules rules) {
    Dataset<Row> upToRunDate =
        trades.filter(
            SilverDailyBars.tradingDate(col(QuoteColumns.EVENT_TIME))
                .leq(lit(java.sql.Date.valueOf(runDate))));
    return BarsPipeline.fromQuotes(upToRunDate, BarInterval.ONE_MINUTE, rules)
        .crossJoin(bronzeQuotes.agg(max(BronzeColumns.INGESTED_AT).as("landed_at")))
        .select(IntradayDailyBars.asBronzeBars(SOURCE, col("landed_at")));
  }

  private static StructType nullable(StructType schema) {
    StructType result = new StructType();
    for (var field : schema.fields()) {
      result = result.add(field.name(), field.dataType(), true);
    }
    return result;
  }
}
