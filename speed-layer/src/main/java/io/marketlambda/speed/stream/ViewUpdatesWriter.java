package io.marketlambda.speed.stream;

import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * Writes the rows of {@link UpdateColumns} that {@code speed-views} hands out through one {@link
 * SpeedSink.Writer} per partition and micro-batch, in the same Spark stage as the state's update
 * (Spark's {@code foreach} sink: no second job, nothing to plan or clean per micro-batch). With
 * {@code speed.on-invalid-record=fail}, a dead letter fails the task, naming the record.
 */
final class ViewUpdatesWriter extends ForeachWriter<Row> {
  private static final long serialVersionUID = 1L;

  private final SpeedSink sink;
  private final SpeedCounts counts;
  private final boolean failOnInvalid;
  private transient SpeedSink.Writer writer;

  ViewUpdatesWriter(SpeedSink sink, SpeedCounts counts, boolean failOnInvalid) {
    this.sink = sink;
    this.counts = counts;
    this.failOnInvalid = failOnInvalid;
  }

  @Override
  public boolean open(long partitionId, long epochId) {
    writer = sink.open();
    return true;
  }

  @Override
  public void process(Row update) {
    if (failOnInvalid && UpdateColumns.DEAD_LETTER.equals(update.getString(0))) {
      throw new IllegalStateException(describeInvalid(update));
    }
    UpdateColumns.write(update, writer, counts);
  }

  @Override
  public void close(Throwable failure) {
    if (writer != null) {
      try {
        writer.close();
      } finally {
        writer = null;
      }
    }
  }

  private static String describeInvalid(Row deadLetter) {
    return "Cannot decode record at offset "
        + deadLetter.get(12)
        + " of "
        + deadLetter.get(10)
        + "-"
        + deadLetter.get(11)
        + ": field "
        + deadLetter.get(6)
        + " "
        + deadLetter.get(7)
        + " (speed.on-invalid-record=fail)";
  }
}
