package io.marketlambda.speed.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.QuoteColumns;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class SparkRowsTest {
  // Lean IBM minute bar 2013-10-07 09:30 New York (EDT, UTC-4): line 34200000 of
  // lean/minute/20131007_ibm_minute_trade.csv, prices in 1/10000 USD.
  private static final Instant NINE_THIRTY = Instant.parse("2013-10-07T13:30:00Z");

  @Test
  void readsBarByColumnName() {
    GenericRowWithSchema row =
        new GenericRowWithSchema(
            new Object[] {
              "IBM",
              "1m",
              Timestamp.from(NINE_THIRTY),
              182.00,
              182.24,
              181.85,
              182.15,
              174289.0,
              182.08,
              412L
            },
            BarColumns.SCHEMA);

    assertThat(SparkRows.bar(row))
        .isEqualTo(
            new Bar(
                new Symbol("IBM"),
                BarInterval.ONE_MINUTE,
                NINE_THIRTY,
                182.00,
                182.24,
                181.85,
                182.15,
                174289.0,
                182.08,
                412L));
  }

  @Test
  void readsJavaTimeInstantsToo() {
    Object[] values = {"IBM", NINE_THIRTY, 182.15, 100L, "lean-tick", 3L};
    GenericRowWithSchema row = new GenericRowWithSchema(values, QuoteColumns.SCHEMA);

    assertThat(SparkRows.quote(row))
        .isEqualTo(new Quote(new Symbol("IBM"), NINE_THIRTY, 182.15, 100L, "lean-tick", 3L));
  }

  @Test
  void quoteRowRoundTrips() {
    Quote quote =
        new Quote(new Symbol("IBM"), NINE_THIRTY.plusMillis(5), 182.2, 300, "lean-tick", 0);

    assertThat(SparkRows.quote(TestRows.quoteRow(quote))).isEqualTo(quote);
  }

  @Test
  void rejectsRowWithoutSchema() {
    assertThatThrownBy(() -> SparkRows.quote(RowFactory.create("IBM")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read column symbol of row [IBM]: the row has no schema");
  }

  @Test
  void rejectsNullColumn() {
    Object[] values = {"IBM", null, 182.15, 100L, "lean-tick", 3L};
    GenericRowWithSchema row = new GenericRowWithSchema(values, QuoteColumns.SCHEMA);

    assertThatThrownBy(() -> SparkRows.quote(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read column event_time of row [IBM,null,182.15,100,lean-tick,3]: it is null");
  }

  @Test
  void rejectsWrongType() {
    Object[] values = {"IBM", NINE_THIRTY, "182.15", 100L, "lean-tick", 3L};
    GenericRowWithSchema row = new GenericRowWithSchema(values, QuoteColumns.SCHEMA);

    assertThatThrownBy(() -> SparkRows.quote(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read quote from row ")
        .hasMessageContaining("a column has the wrong type");
  }

  @Test
  void rejectsInvalidBarAsInvalidRecord() {
    Object[] values = {
      "IBM", "1m", Timestamp.from(NINE_THIRTY), 182.00, 181.0, 181.85, 182.15, 174289.0, 182.0, 0L
    };

    assertThatThrownBy(() -> SparkRows.bar(new GenericRowWithSchema(values, BarColumns.SCHEMA)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("highUsd 181.0 is below openUsd 182.0");
  }
}
