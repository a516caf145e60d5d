package io.marketlambda.speed.hbase;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.QuoteColumns;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/** Spark rows with a schema, as {@code foreachPartition} passes them, built without Spark. */
final class TestRows {
  private TestRows() {}

  /** A row with {@link BarColumns}, the start as a {@link Timestamp} as Spark gives it. */
  static Row barRow(Bar bar) {
    return SparkRows.barRow(bar);
  }

  /** A row with {@link QuoteColumns}, the event time as a {@link Timestamp}. */
  static Row quoteRow(Quote quote) {
    return new GenericRowWithSchema(
        new Object[] {
          quote.symbol().value(),
          Timestamp.from(quote.eventTime()),
          quote.priceUsd(),
          quote.sizeShares(),
          quote.source(),
          quote.sequence()
        },
        QuoteColumns.SCHEMA);
  }
}
