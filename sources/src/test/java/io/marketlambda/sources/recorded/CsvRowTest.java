package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.sources.quarantine.RejectedRecord;
import org.junit.jupiter.api.Test;

class CsvRowTest {
  @Test
  void splitsOnCommasKeepingEmptyFields() {
    // Lean daily row with the high left empty.
    CsvRow row = CsvRow.split(7, "20200831 00:00,1276700,,1262500,1290400,210024091");

    assertThat(row.fields())
        .containsExactly("20200831 00:00", "1276700", "", "1262500", "1290400", "210024091");
    assertThat(CsvRow.split(8, "IBM,,").fields()).containsExactly("IBM", "", "");
  }

  @Test
  void aQuotedFieldMayHoldCommasAndQuotes() {
    // A constituents-style row: "Name, Inc." is one field.
    CsvRow row = CsvRow.split(2, "MMM,\"3M Company, \"\"the\"\" one\",Industrials");

    assertThat(row.fields()).containsExactly("MMM", "3M Company, \"the\" one", "Industrials");
  }

  @Test
  void aQuoteLeftOpenIsABadRecordNamingTheLine() {
    assertThatThrownBy(() -> CsvRow.split(12, "20131007,\"182.15,100"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("Cannot parse line 12: is not CSV: ")
        .satisfies(
            e ->
                assertThat(((InvalidRecordException) e).field())
                    .isEqualTo(RejectedRecord.WHOLE_RECORD));
  }
}
