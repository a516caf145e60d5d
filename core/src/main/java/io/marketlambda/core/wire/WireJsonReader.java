package io.marketlambda.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads typed fields of one JSON object of a wire format, raising {@link
 * InvalidWireRecordException} that names the record kind and the field when one is missing or of
 * the wrong type. Holds the Jackson mapper every codec of this package shares.
 */
final class WireJsonReader {
  /** Strict about duplicate fields and trailing content; immutable and thread-safe. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Longest rendering of a bad value in a message, in characters. */
  private static final int MAX_SHOWN = 64;

  private final JsonNode object;
  private final String kind;

  private WireJsonReader(JsonNode object, String kind) {
    this.object = object;
    this.kind = kind;
  }

  /**
   * Parses a Kafka value that must hold one JSON object.
   *
   * @param kind the record kind for messages, e.g. {@code quote}
   * @throws InvalidWireRecordException when the value is null or empty, not JSON (or not text), or
   *     not an object
   */
  static WireJsonReader read(byte[] value, String kind) {
    if (value == null || value.length == 0) {
      throw new InvalidWireRecordException(
          kind, InvalidWireRecordException.WHOLE_VALUE, "is empty");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new InvalidWireRecordException(
          kind,
          InvalidWireRecordException.WHOLE_VALUE,
          "is not JSON: " + e.getOriginalMessage() + where,
          e);
    } catch (IOException e) {
      // Not a syntax error but bytes Jackson cannot decode as text, e.g. 00 00 41 00, which it
      // takes for UCS-4 in an unusual byte order (CharConversionException).
      throw new InvalidWireRecordException(
          kind, InvalidWireRecordException.WHOLE_VALUE, "is not UTF-8 JSON: " + e.getMessage(), e);
    }
    if (!root.isObject()) {
      throw new InvalidWireRecordException(
          kind, InvalidWireRecordException.WHOLE_VALUE, "is not a JSON object");
    }
    return new WireJsonReader(root, kind);
  }

  /** The exception for a value {@code field} holds that the model rejects. */
  InvalidWireRecordException invalid(InvalidRecordException e) {
    return new InvalidWireRecordException(kind, e.field(), e.reason(), e);
  }

  /** Throws unless {@code field} is the integer {@code supported}. */
  void requireSchemaVersion(String field, int supported) {
    long version = integer(field);
    if (version != supported) {
      throw new InvalidWireRecordException(
          kind, field, version + " is not supported; this reader understands version " + supported);
    }
  }

  /** Returns a canonical symbol from a JSON string. */
  Symbol symbol(String field) {
    String text = text(field);
    try {
      return new Symbol(text);
    } catch (InvalidRecordException e) {
      throw new InvalidWireRecordException(kind, field, e.reason(), e);
    }
  }

  /** Returns a bar interval from its code, e.g. {@code "1m"}. */
  BarInterval interval(String field) {
    String code = text(field);
    try {
      return BarInterval.parse(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidWireRecordException(kind, field, e.getMessage(), e);
    }
  }

  /** Returns an instant from an ISO-8601 JSON string such as {@code 2013-10-07T13:30:00.123Z}. */
  Instant instant(String field) {
    String text = text(field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidWireRecordException(
          kind,
          field,
          shown(object.get(field)) + " is not an ISO-8601 UTC instant like 2013-10-07T13:30:00Z",
          e);
    }
  }

  /** Returns any JSON number as a double. */
  double number(String field) {
    JsonNode node = required(field);
    if (!node.isNumber()) {
      throw new InvalidWireRecordException(kind, field, shown(node) + " is not a number");
    }
    return node.doubleValue();
  }

  /** Returns a JSON integer that fits a {@code long}; {@code 100.0} is not an integer. */
  long integer(String field) {
    JsonNode node = required(field);
    if (!node.isIntegralNumber()) {
      throw new InvalidWireRecordException(kind, field, shown(node) + " is not an integer");
    }
    if (!node.canConvertToLong()) {
      throw new InvalidWireRecordException(
          kind, field, shown(node) + " is out of the 64-bit integer range");
    }
    return node.longValue();
  }

  /** Returns a JSON string. */
  String text(String field) {
    JsonNode node = required(field);
    if (!node.isTextual()) {
      throw new InvalidWireRecordException(kind, field, shown(node) + " is not a string");
    }
    return node.textValue();
  }

  private JsonNode required(String field) {
    JsonNode node = object.get(field);
    if (node == null) {
      throw new InvalidWireRecordException(kind, field, "is missing");
    }
    return node;
  }

  /** Renders a value as JSON, cut to {@value #MAX_SHOWN} characters. */
  private static String shown(JsonNode node) {
    String json = node.toString();
    return json.length() <= MAX_SHOWN ? json : json.substring(0, MAX_SHOWN) + "...";
  }
}
