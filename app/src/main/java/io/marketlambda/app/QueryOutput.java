package io.marketlambda.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --output table|json|csv} of the {@code query} commands: rows of named columns as an
 * aligned table for people, a JSON array of objects, or CSV with a header line (RFC 4180, Jackson's
 * CSV writer), for scripts.
 */
final class QueryOutput {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "<format>",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  private static final java.util.regex.Pattern WIDTH =
      java.util.regex.Pattern.compile("%([-,]*)(\\d+)");

  /** One column: its name in JSON and CSV, its heading and printf format in the table. */
  record Column(String name, String heading, String tableFormat) {}

  /**
   * Checks {@link #format}.
   *
   * @throws IllegalArgumentException naming the value when it is not table, json or csv
   */
  String format() {
    String lower = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "csv").contains(lower)) {
      throw new IllegalArgumentException(
          "Cannot use --output " + format + ": give table, json or csv");
    }
    return lower;
  }

  /** Writes {@code rows} (values in column order) in the chosen format. */
  void write(PrintWriter out, List<Column> columns, List<List<Object>> rows) {
    switch (format()) {
      case "json" -> writeJson(out, columns, rows);
      case "csv" -> writeCsv(out, columns, rows);
      default -> writeTable(out, columns, rows);
    }
    out.flush();
  }

  private static void writeTable(PrintWriter out, List<Column> columns, List<List<Object>> rows) {
    StringBuilder headings = new StringBuilder();
    for (Column column : columns) {
      java.util.regex.Matcher width = WIDTH.matcher(column.tableFormat());
      String heading =
          width.find()
              ? String.format(
                  Locale.ROOT,
                  "%" + (width.group(1).contains("-") ? "-" : "") + width.group(2) + "s",
                  column.heading())
              : column.heading();
      headings.append(headings.length() == 0 ? "" : " ").append(heading);
    }
    out.println(headings);
    for (List<Object> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        line.append(i == 0 ? "" : " ");
        line.append(String.format(Locale.ROOT, columns.get(i).tableFormat(), row.get(i)));
      }
      out.println(line);
    }
  }

  private static void writeJson(PrintWriter out, List<Column> columns, List<List<Object>> rows) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i).name(), row.get(i));
      }
      objects.add(object);
    }
    try {
      out.println(
          new ObjectMapper()
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(objects));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rows as JSON", e);
    }
  }

  private static void writeCsv(PrintWriter out, List<Column> columns, List<List<Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(column -> schema.addColumn(column.name()));
    try {
      out.print(
          new CsvMapper()
              .writerFor(List.class)
              .with(schema.build())
              .writeValueAsString(
                  rows.stream().map(row -> row.stream().map(String::valueOf).toList()).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rows as CSV", e);
    }
  }
}
