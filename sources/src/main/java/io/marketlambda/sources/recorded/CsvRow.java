package io.marketlambda.sources.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One comma-separated row of a recorded file, with typed access to its fields. Every failed
 * conversion throws {@link InvalidRecordException} naming the field and the text found, so the row
 * can be quarantined.
 *
 * @param lineNumber the 1-based line number in the file
 * @param fields the fields, unquoted
 */
record CsvRow(long lineNumber, List<String> fields) {
  private static final ObjectReader FIELDS = new CsvMapper().readerFor(String[].class);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  CsvRow {
    fields = List.copyOf(fields);
  }

  /**
   * Splits a line into its fields with Jackson's CSV parser (RFC 4180: commas, double quotes),
   * keeping empty fields.
   *
   * @throws InvalidRecordException for the whole record ({@link RejectedRecord#WHOLE_RECORD}) when
   *     the line is not CSV, e.g. a quote left open
   */
  static CsvRow split(long lineNumber, String line) {
    if (line.isEmpty()) {
      return new CsvRow(lineNumber, List.of(""));
    }
    try {
      return new CsvRow(lineNumber, List.of(FIELDS.<String[]>readValue(line)));
    } catch (IOException e) {
      String reason =
          "is not CSV: "
              + (e instanceof JsonProcessingException json
                  ? json.getOriginalMessage()
                  : e.getMessage());
      throw new InvalidRecordException(
          "Cannot parse line " + lineNumber + ": " + reason,
          RejectedRecord.WHOLE_RECORD,
          reason,
          e);
    }
  }

  /** The text of a field, stripped of surrounding white space. */
  String text(int index) {
    return fields.get(index).strip();
  }

  /** A whole number such as {@code 1815200}. */
  long wholeNumber(int index, String field) {
    String text = text(index);
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw invalid(field, quoted(text) + " is not a whole number");
    }
    return Long.parseLong(text);
  }

  /** A plain decimal number such as {@code 593562.95523744}; no exponent, NaN or infinity. */
  double decimal(int index, String field) {
    String text = text(index);
    if (!DECIMAL.matcher(text).matches()) {
      throw invalid(field, quoted(text) + " is not a decimal number");
    }
    return Double.parseDouble(text);
  }

  /** A Lean price: a decimal number of ten-thousandths of a dollar, returned in USD. */
  double leanPriceUsd(int index, String field) {
    return decimal(index, field) / 10_000;
  }

  /** A date written {@code yyyyMMdd}, such as {@code 20131007}. */
  LocalDate basicDate(int index, String field) {
    String text = text(index);
    try {
      return LocalDate.parse(text, BASIC_DATE);
    } catch (DateTimeParseException e) {
      throw invalid(field, quoted(text) + " is not a date yyyyMMdd", e);
    }
  }

  /** A Lean daily date, {@code yyyyMMdd 00:00} such as {@code 20200831 00:00}. */
  LocalDate leanDate(int index, String field) {
    String text = text(index);
    if (!text.endsWith(" 00:00")) {
      throw invalid(field, quoted(text) + " is not a date yyyyMMdd 00:00");
    }
    try {
      return LocalDate.parse(text.substring(0, text.length() - 6), BASIC_DATE);
    } catch (DateTimeParseException e) {
      throw invalid(field, quoted(text) + " is not a date yyyyMMdd 00:00", e);
    }
  }

  /** A date written {@code yyyy-MM-dd}, such as {@code 2020-08-31}. */
  LocalDate isoDate(int index, String field) {
    String text = text(index);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(field, quoted(text) + " is not a date yyyy-MM-dd", e);
    }
  }

  /** The exception for a bad field: {@code Cannot parse line 12: price "x" is not ...}. */
  InvalidRecordException invalid(String field, String reason) {
    return invalid(field, reason, null);
  }

  private InvalidRecordException invalid(String field, String reason, Throwable cause) {
    return new InvalidRecordException(
        "Cannot parse line " + lineNumber + ": " + field + " " + reason, field, reason, cause);
  }

  static String quoted(String text) {
    return '"' + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + '"';
  }
}
