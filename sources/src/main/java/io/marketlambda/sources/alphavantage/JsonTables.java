package io.marketlambda.sources.alphavantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON body into a {@link ResponseTable}. The rows are found by shape: a time series object
 * (a key containing {@code Time Series}, rows keyed by timestamp, which becomes field {@code
 * timestamp}); else the first array of objects ({@code bestMatches}, {@code markets}, {@code
 * data}); else the single object {@code Global Quote}.
 */
final class JsonTables {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonTables() {}

  /**
   * @throws TruncatedBodyException when the JSON ends early
   * @throws IllegalArgumentException when the body is not a JSON object or holds no rows of a known
   *     shape
   */
  static ResponseTable read(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      if (endsEarly(e)) {
        throw new TruncatedBodyException("JSON ends early: " + e.getOriginalMessage(), e);
      }
      throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("body is not a JSON object");
    }
    Map<String, String> metadata = fields(root.path("Meta Data"));
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().contains("Time Series") && entry.getValue().isObject()) {
        return new ResponseTable(metadata, timeSeriesRows(entry.getValue()));
      }
    }
    for (JsonNode value : root) {
      if (value.isArray()) {
        List<ResponseTable.Row> rows = new ArrayList<>();
        value.forEach(row -> rows.add(new ResponseTable.Row(0, fields(row), row.toString())));
        return new ResponseTable(metadata, rows);
      }
    }
    JsonNode quote = root.path("Global Quote");
    if (quote.isObject()) {
      List<ResponseTable.Row> rows =
          quote.isEmpty()
              ? List.of()
              : List.of(new ResponseTable.Row(0, fields(quote), quote.toString()));
      return new ResponseTable(metadata, rows);
    }
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    throw new IllegalArgumentException("body holds no rows of a known shape; its keys are " + keys);
  }

  /** Jackson reports a cut body as {@link JsonEOFException}, directly or wrapped by databind. */
  private static boolean endsEarly(JsonProcessingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonEOFException
          || String.valueOf(cause.getMessage()).contains("end-of-input")) {
        return true;
      }
    }
    return false;
  }

  private static List<ResponseTable.Row> timeSeriesRows(JsonNode series) {
    List<ResponseTable.Row> rows = new ArrayList<>();
    series
        .fields()
        .forEachRemaining(
            entry -> {
              Map<String, String> fields = new HashMap<>(fields(entry.getValue()));
              fields.put("timestamp", entry.getKey());
              String raw = "\"" + entry.getKey() + "\": " + entry.getValue();
              rows.add(new ResponseTable.Row(0, fields, raw));
            });
    return rows;
  }

  private static Map<String, String> fields(JsonNode object) {
    Map<String, String> fields = new HashMap<>();
    object
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                fields.put(ResponseTable.normalise(entry.getKey()), entry.getValue().asText());
              }
            });
    return fields;
  }
}
