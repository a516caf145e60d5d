package io.marketlambda.batch.bronze;

import io.marketlambda.views.BarColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze tables: the master data set, append-only, each row as imported with its lineage.
 *
 * <p>{@code bronze.bars}, partitioned by {@code source}: the columns of {@link BarColumns} (raw,
 * unadjusted prices as the vendor gave them) and
 *
 * <pre>
 * source         string     the reader, e.g. lean-daily, stooq-daily
 * ingested_at    timestamp  when the import ran
 * lineage_file   string     the file, relative to the import's --path
 * lineage_line   long       1-based line in that file
 * </pre>
 *
 * <p>{@code bronze.corporate_actions}:
 *
 * <pre>
 * symbol         string
 * ex_date        date       first America/New_York trading date the action is in effect
 * action_type    string     split or cash_dividend
 * value          double     split: new shares per old share; dividend: USD per share
 * source         string     lean or alpha-vantage
 * ingested_at    timestamp
 * lineage_file   string     lean: the factor file, e.g. aapl.csv; alpha-vantage: the saved
 *                           response and its symbol, e.g. SPLITS_358e2618.csv?symbol=IBM
 * lineage_line   long       lean: ordinal of the action within the file's derived actions;
 *                           alpha-vantage: the CSV line (header = 1) or the JSON row's ordinal;
 *                           a daily-adjusted row with both a split and a dividend gives two
 *                           actions of one line
 * </pre>
 *
 * <p>{@code bronze.quotes}, the quotes topic landed unparsed ({@link QuoteLanding}), partitioned by
 * {@code ingest_date}:
 *
 * <pre>
 * kafka_key        string     the record key (the symbol), as sent
 * kafka_value      binary     the record value (wire format v1), as sent
 * kafka_topic      string
 * kafka_partition  int
 * kafka_offset     long
 * kafka_timestamp  timestamp  the record's Kafka timestamp
 * ingested_at      timestamp  when it was landed
 * ingest_date      date       UTC date of ingested_at
 * </pre>
 *
 * <p>{@code bronze.symbols}, reference data:
 *
 * <pre>
 * symbol         string     canonical, e.g. BRK.B
 * name           string     the security's name
 * sector         string     GICS sector, e.g. Information Technology
 * sub_industry   string     GICS sub-industry
 * source, ingested_at, lineage_file, lineage_line   as above
 * </pre>
 *
 * A row is identified by (source, lineage_file, lineage_line): importing a file again inserts
 * nothing.
 */
public final class BronzeColumns {
  public static final String SOURCE = "source";
  public static final String INGESTED_AT = "ingested_at";
  public static final String LINEAGE_FILE = "lineage_file";
  public static final String LINEAGE_LINE = "lineage_line";
  public static final String EX_DATE = "ex_date";
  public static final String ACTION_TYPE = "action_type";
  public static final String VALUE = "value";

  public static final String KAFKA_KEY = "kafka_key";
  public static final String KAFKA_VALUE = "kafka_value";
  public static final String KAFKA_TOPIC = "kafka_topic";
  public static final String KAFKA_PARTITION = "kafka_partition";
  public static final String KAFKA_OFFSET = "kafka_offset";
  public static final String KAFKA_TIMESTAMP = "kafka_timestamp";
  public static final String INGEST_DATE = "ingest_date";

  /** {@code bronze.quotes}. */
  public static final StructType QUOTES =
      new StructType()
          .add(KAFKA_KEY, DataTypes.StringType, true)
          .add(KAFKA_VALUE, DataTypes.BinaryType, true)
          .add(KAFKA_TOPIC, DataTypes.StringType, false)
          .add(KAFKA_PARTITION, DataTypes.IntegerType, false)
          .add(KAFKA_OFFSET, DataTypes.LongType, false)
          .add(KAFKA_TIMESTAMP, DataTypes.TimestampType, false)
          .add(INGESTED_AT, DataTypes.TimestampType, false)
          .add(INGEST_DATE, DataTypes.DateType, false);

  public static final String NAME = "name";
  public static final String SECTOR = "sector";
  public static final String SUB_INDUSTRY = "sub_industry";

  /** {@code bronze.symbols}. */
  public static final StructType SYMBOLS =
      withLineage(
          new StructType()
              .add(BarColumns.SYMBOL, DataTypes.StringType, false)
              .add(NAME, DataTypes.StringType, true)
              .add(SECTOR, DataTypes.StringType, true)
              .add(SUB_INDUSTRY, DataTypes.StringType, true));

  /** {@code bronze.bars}. */
  public static final StructType BARS = withLineage(BarColumns.SCHEMA);

  /** {@code bronze.corporate_actions}. */
  public static final StructType CORPORATE_ACTIONS =
      withLineage(
          new StructType()
              .add(BarColumns.SYMBOL, DataTypes.StringType, false)
              .add(EX_DATE, DataTypes.DateType, false)
              .add(ACTION_TYPE, DataTypes.StringType, false)
              .add(VALUE, DataTypes.DoubleType, false));

  private BronzeColumns() {}

  private static StructType withLineage(StructType schema) {
    StructType result = new StructType(schema.fields().clone());
    for (StructField field :
        new StructField[] {
          DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
          DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false),
          DataTypes.createStructField(LINEAGE_FILE, DataTypes.StringType, false),
          DataTypes.createStructField(LINEAGE_LINE, DataTypes.LongType, false)
        }) {
      result = result.add(field);
    }
    return result;
  }
}
