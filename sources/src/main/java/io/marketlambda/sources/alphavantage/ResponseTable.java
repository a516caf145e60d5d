package io.marketlambda.sources.alphavantage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A response body as rows of named text fields, the same for JSON and CSV, so one parser per
 * function serves both. Field names are normalised: the JSON numbering ({@code "1. open"}) is
 * dropped, camel case and spaces become snake case ({@code "adjusted close"}, {@code
 * adjusted_close} and {@code adjustedClose} all read {@code adjusted_close}), and the CSV names
 * {@code time} and {@code latestDay} read {@code timestamp} and {@code latest_trading_day}.
 *
 * @param metadata the normalised {@code Meta Data} of a JSON time series (e.g. {@code time_zone}),
 *     empty for CSV
 * @param rows the data rows in body order
 */
record ResponseTable(Map<String, String> metadata, List<Row> rows) {
  private static final Pattern NUMBERING = Pattern.compile("^\\d+\\.\\s*");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Map<String, String> ALIASES =
      Map.of("time", "timestamp", "latest_day", "latest_trading_day");

  ResponseTable {
    metadata = Map.copyOf(metadata);
    rows = List.copyOf(rows);
  }

  /**
   * One data row.
   *
   * @param position the 1-based line in a CSV body, 0 for JSON
   * @param fields normalised name to text as sent
   * @param raw the row as sent, for the quarantine
   */
  record Row(long position, Map<String, String> fields, String raw) {
    Row {
      fields = Map.copyOf(fields);
    }

    /** Returns the field's text, empty when absent, blank, {@code None} or {@code null}. */
    Optional<String> find(String field) {
      String text = fields.get(field);
      if (text == null || text.isBlank() || text.equals("None") || text.equals("null")) {
        return Optional.empty();
      }
      return Optional.of(text.strip());
    }
  }

  /** Returns the normalised form of a JSON key or CSV header, e.g. {@code dividend_amount}. */
  static String normalise(String name) {
    String plain = NUMBERING.matcher(name.strip()).replaceFirst("");
    String snake =
        CAMEL.matcher(plain).replaceAll("$1_$2").toLowerCase(Locale.ROOT).replace(' ', '_');
    return ALIASES.getOrDefault(snake, snake);
  }
}
