package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.quarantine.ReadSummary;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns every row of a table into a record, sending the rows that fail into the quarantine and
 * going on with the next one.
 */
final class RowParsing {
  private RowParsing() {}

  /**
   * @param origin where the rows come from, e.g. {@code TIME_SERIES_DAILY IBM} or a file path
   * @param toRecord reads one row; throws {@link IllegalArgumentException} (usually {@link
   *     InvalidRecordException}, naming the field) for a row it cannot accept
   */
  static <T> ParseResult<T> parse(
      String origin,
      ResponseTable table,
      Quarantine quarantine,
      Function<ResponseTable.Row, T> toRecord) {
    List<T> records = new ArrayList<>();
    Map<String, Long> rejected = new TreeMap<>();
    for (ResponseTable.Row row : table.rows()) {
      try {
        records.add(toRecord.apply(row));
      } catch (InvalidRecordException e) {
        reject(origin, row, e.field(), e.reason(), quarantine, rejected);
      } catch (IllegalArgumentException e) {
        reject(origin, row, RejectedRecord.WHOLE_RECORD, e.getMessage(), quarantine, rejected);
      }
    }
    return new ParseResult<>(records, new ReadSummary(origin, records.size(), rejected));
  }

  private static void reject(
      String origin,
      ResponseTable.Row row,
      String field,
      String reason,
      Quarantine quarantine,
      Map<String, Long> rejected) {
    quarantine.reject(new RejectedRecord(origin, row.position(), field, reason, row.raw()));
    rejected.merge(field, 1L, Long::sum);
  }
}
