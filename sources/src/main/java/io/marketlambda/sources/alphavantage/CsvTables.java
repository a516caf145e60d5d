package io.marketlambda.sources.alphavantage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV body ({@code datatype=csv}) into a {@link ResponseTable}: a header line, then one row
 * per line; {@code \n} or {@code \r\n} line ends; fields may be double-quoted. A row is kept with
 * its 1-based line number. A row with a different number of fields than the header is kept short
 * and fails on its missing field, except the last row: a short last row means the body was cut, and
 * the whole body is refused as truncated. A body cut at a line boundary has only whole rows: the
 * HTTP client refuses it when the connection closed before the declared {@code Content-Length} or
 * the chunked body's end ({@link AlphaVantageClient} retries it); a server that sends fewer rows
 * with a length to match cannot be told from a complete answer.
 */
final class CsvTables {
  private CsvTables() {}

  /**
   * @throws TruncatedBodyException when the last row has fewer fields than the header
   * @throws IllegalArgumentException when the body is empty
   */
  static ResponseTable read(String body) {
    String[] lines = body.split("\r?\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException("CSV body has no header line");
    }
    List<String> header = split(lines[0]).stream().map(ResponseTable::normalise).toList();
    List<ResponseTable.Row> rows = new ArrayList<>();
    int lastFields = header.size();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      List<String> values = split(line);
      lastFields = values.size();
      Map<String, String> fields = new HashMap<>();
      for (int column = 0; column < Math.min(values.size(), header.size()); column++) {
        fields.put(header.get(column), values.get(column));
      }
      rows.add(new ResponseTable.Row(i + 1L, fields, line));
    }
    if (lastFields < header.size()) {
      throw new TruncatedBodyException(
          "CSV ends early: the last row has "
              + lastFields
              + " of the header's "
              + header.size()
              + " fields",
          null);
    }
    return new ResponseTable(Map.of(), rows);
  }

  /** Splits one line at commas outside double quotes; {@code ""} inside quotes is a quote. */
  static List<String> split(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        value.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values;
  }
}
