package io.marketlambda.sources.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 11 verbatim non-data bodies of {@code alphavantage/error-bodies/av_error_bodies.json}. */
final class ErrorBodies {
  private ErrorBodies() {}

  /** Returns each entry's body text by entry id, in file order; file bodies are read. */
  static Map<String, String> byId() {
    try {
      ObjectMapper json = new ObjectMapper();
      JsonNode root = json.readTree(RecordedResponses.read("error-bodies/av_error_bodies.json"));
      Map<String, String> bodies = new LinkedHashMap<>();
      for (JsonNode entry : root.get("entries")) {
        String body =
            entry.has("body")
                ? json.writeValueAsString(entry.get("body"))
                : RecordedResponses.read("error-bodies/" + entry.get("body_file").asText());
        bodies.put(entry.get("id").asText(), body);
      }
      return bodies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
