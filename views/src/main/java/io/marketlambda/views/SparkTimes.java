package io.marketlambda.views;

import java.sql.Timestamp;
import java.time.Instant;

/** Spark's timestamp values as instants. */
public final class SparkTimes {
  private SparkTimes() {}

  /**
   * Returns the instant of a Spark timestamp value: a {@link Timestamp}, or an {@link Instant} when
   * {@code spark.sql.datetime.java8API.enabled} is on.
   *
   * @throws ClassCastException when the value is neither
   */
  public static Instant instant(Object timestamp) {
    return timestamp instanceof Timestamp t ? t.toInstant() : (Instant) timestamp;
  }
}
