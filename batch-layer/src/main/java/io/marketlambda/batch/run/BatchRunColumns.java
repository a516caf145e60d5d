package io.marketlambda.batch.run;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code batch_runs} Delta table ({@code <lake.root>/batch_runs}): one row per completed run,
 * appended after every view of the run is committed. Readers that need one consistent picture read
 * the gold tables at the versions recorded here (Delta time travel), not their latest versions.
 *
 * <pre>
 * run_id           string                 run date and start, e.g. 2013-10-04T210501Z
 * run_date         date                   the last trading date the run covers
 * started_at       timestamp
 * finished_at      timestamp
 * bronze_versions  map&lt;string, long&gt;      Delta version of each bronze table read
 * table_versions   map&lt;string, long&gt;      Delta version of each silver and gold table written
 * row_counts       map&lt;string, long&gt;      rows of each table written
 * watermarks       map&lt;string, timestamp&gt; per symbol: the end of its last daily bar (New York
 *                                         midnight after its last trading date); the batch
 *                                         views cover every event before it
 * kafka_offsets_without_record map&lt;string, long&gt; per Kafka partition of bronze.quotes
 *                                         (topic-partition): offsets between the first and last
 *                                         landed that hold no landed record (retention removed
 *                                         them before land read them); null in runs before it
 * vacuumed_at      timestamp              when this run VACUUMed the tables it wrote; null when
 *                                         it did not (not yet due, see batch.vacuum-interval)
 * </pre>
 */
public final class BatchRunColumns {
  public static final String RUN_ID = "run_id";
  public static final String RUN_DATE = "run_date";
  public static final String STARTED_AT = "started_at";
  public static final String FINISHED_AT = "finished_at";
  public static final String BRONZE_VERSIONS = "bronze_versions";
  public static final String TABLE_VERSIONS = "table_versions";
  public static final String ROW_COUNTS = "row_counts";
  public static final String WATERMARKS = "watermarks";
  public static final String KAFKA_OFFSETS_WITHOUT_RECORD = "kafka_offsets_without_record";
  public static final String VACUUMED_AT = "vacuumed_at";

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(RUN_DATE, DataTypes.DateType, false)
          .add(STARTED_AT, DataTypes.TimestampType, false)
          .add(FINISHED_AT, DataTypes.TimestampType, false)
          .add(
              BRONZE_VERSIONS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add(
              TABLE_VERSIONS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add(
              ROW_COUNTS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add(
              WATERMARKS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.TimestampType, false),
              false)
          .add(
              KAFKA_OFFSETS_WITHOUT_RECORD,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              true)
          .add(VACUUMED_AT, DataTypes.TimestampType, true);

  private BatchRunColumns() {}
}
