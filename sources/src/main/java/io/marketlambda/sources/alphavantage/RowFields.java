package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.InvalidRecordException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of one {@link ResponseTable.Row}'s fields. Every failure is an {@link
 * InvalidRecordException} naming the field as the response names it (normalised) and the value, so
 * the row goes to the quarantine.
 */
final class RowFields {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RowFields() {}

  /** Returns the field's text, stripped. */
  static String text(ResponseTable.Row row, String field) {
    return row.find(field).orElseThrow(() -> invalid(field, "is missing"));
  }

  /** Returns the field's text, or {@code ""} when absent. */
  static String optionalText(ResponseTable.Row row, String field) {
    return row.find(field).orElse("");
  }

  /**
   * Returns the field as a finite decimal number; a trailing {@code %} is dropped ({@code 0.4207%}
   * reads 0.4207).
   */
  static double number(ResponseTable.Row row, String field) {
    String text = text(row, field);
    String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    try {
      double value = Double.parseDouble(digits);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      throw invalid(field, '"' + text + "\" is not a number", e);
    }
    throw invalid(field, '"' + text + "\" is not a finite number");
  }

  /** Returns the field as a number, or {@code absent} when the field is missing. */
  static double number(ResponseTable.Row row, String field, double absent) {
    return row.find(field).isPresent() ? number(row, field) : absent;
  }

  /** Returns the field as an ISO date {@code yyyy-MM-dd}. */
  static LocalDate date(ResponseTable.Row row, String field) {
    String text = text(row, field);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(field, '"' + text + "\" is not a date yyyy-MM-dd", e);
    }
  }

  /**
   * Returns the field as an ISO date, or {@code null} when absent, {@code None} or {@code null}.
   */
  static LocalDate optionalDate(ResponseTable.Row row, String field) {
    return row.find(field).isPresent() ? date(row, field) : null;
  }

  /** Returns the field as a local date-time {@code yyyy-MM-dd HH:mm:ss}. */
  static LocalDateTime dateTime(ResponseTable.Row row, String field) {
    String text = text(row, field);
    try {
      return LocalDateTime.parse(text, DATE_TIME);
    } catch (DateTimeParseException e) {
      throw invalid(field, '"' + text + "\" is not a time yyyy-MM-dd HH:mm:ss", e);
    }
  }

  static InvalidRecordException invalid(String field, String reason) {
    return invalid(field, reason, null);
  }

  static InvalidRecordException invalid(String field, String reason, Throwable cause) {
    return new InvalidRecordException(
        "Cannot parse Alpha Vantage row: " + field + " " + reason, field, reason, cause);
  }
}
