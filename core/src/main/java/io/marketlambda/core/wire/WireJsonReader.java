package io.marketlambda.core.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
 *
 * <p>A value is read with Jackson's streaming parser into one node per field (the speed layer reads
 * every quote twice, so a tree of maps per record shows in its profile); a value that is not one
 * flat, well-formed JSON object is read again as a tree, whose errors name what is wrong.
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

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The object's field names and values, in order; {@code size} of them are set. */
  private final String[] names;

  private final JsonNode[] values;
  private final int size;
  private final String kind;

  private WireJsonReader(String[] names, JsonNode[] values, int size, String kind) {
    this.names = names;
    this.values = values;
    this.size = size;
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
    WireJsonReader streamed = stream(value, kind);
    return streamed != null ? streamed : readTree(value, kind);
  }

  /**
   * Reads one flat JSON object field by field, or returns null when the value is anything else (not
   * JSON, not an object, a duplicate field, a nested value, trailing content): {@link #readTree}
   * then reads it or says what is wrong.
   */
  private static WireJsonReader stream(byte[] value, String kind) {
    String[] names = new String[8];
    JsonNode[] values = new JsonNode[8];
    int size = 0;
    try (JsonParser json = MAPPER.createParser(value)) {
      // Duplicates are found below, among a handful of names, without Jackson's set per object.
      json.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = json.nextToken();
          token != JsonToken.END_OBJECT;
          token = json.nextToken()) {
        if (token != JsonToken.FIELD_NAME) {
          return null;
        }
        if (size == names.length) {
          names = java.util.Arrays.copyOf(names, size * 2);
          values = java.util.Arrays.copyOf(values, size * 2);
        }
        String name = json.currentName();
        for (int i = 0; i < size; i++) {
          if (names[i].equals(name)) {
            return null;
          }
        }
        JsonToken valueToken = json.nextToken();
        JsonNode node =
            valueToken == JsonToken.START_ARRAY ? stringArray(json) : node(json, valueToken);
        if (node == null) {
          return null;
        }
        names[size] = name;
        values[size] = node;
        size++;
      }
      if (json.nextToken() != null) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return new WireJsonReader(names, values, size, kind);
  }

  /**
   * The array of strings the parser is in (after its start), as Jackson's tree model would make it;
   * null for an array holding anything else (the tree then reads it).
   */
  private static JsonNode stringArray(JsonParser json) throws IOException {
    ArrayNode array = NODES.arrayNode();
    for (JsonToken token = json.nextToken();
        token != JsonToken.END_ARRAY;
        token = json.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        return null;
      }
      array.add(json.getText());
    }
    return array;
  }

  /**
   * The node of the scalar value at {@code token}, as Jackson's tree model would make it; null for
   * an object or array (the tree reads such a value).
   */
  private static JsonNode node(JsonParser json, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> TextNode.valueOf(json.getText());
      case VALUE_NUMBER_INT ->
          switch (json.getNumberType()) {
            case INT -> NODES.numberNode(json.getIntValue());
            case LONG -> NODES.numberNode(json.getLongValue());
            default -> NODES.numberNode(json.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          json.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
              ? NODES.numberNode(json.getDecimalValue())
              : NODES.numberNode(json.getDoubleValue());
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NULL -> NullNode.instance;
      default -> null;
    };
  }

  private static WireJsonReader readTree(byte[] value, String kind) {
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
    String[] names = new String[root.size()];
    JsonNode[] values = new JsonNode[root.size()];
    int size = 0;
    for (var fields = root.fields(); fields.hasNext(); size++) {
      var field = fields.next();
      names[size] = field.getKey();
      values[size] = field.getValue();
    }
    return new WireJsonReader(names, values, size, kind);
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
      return WireInstants.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidWireRecordException(
          kind,
          field,
          shown(required(field)) + " is not an ISO-8601 UTC instant like 2013-10-07T13:30:00Z",
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

  /** Returns a JSON string, or null when the field is absent or null (an optional field). */
  String optionalText(String field) {
    return isPresent(field) ? text(field) : null;
  }

  /**
   * Returns a JSON array of strings, or an empty list when the field is absent or null (an optional
   * field).
   */
  java.util.List<String> optionalTextArray(String field) {
    if (!isPresent(field)) {
      return java.util.List.of();
    }
    JsonNode node = required(field);
    if (!node.isArray()) {
      throw new InvalidWireRecordException(
          kind, field, shown(node) + " is not an array of strings");
    }
    java.util.List<String> texts = new java.util.ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new InvalidWireRecordException(
            kind, field, shown(node) + " is not an array of strings");
      }
      texts.add(element.textValue());
    }
    return texts;
  }

  /** Whether the field is there and not JSON null: an optional field's null means absent. */
  private boolean isPresent(String field) {
    JsonNode node = find(field);
    return node != null && !node.isNull();
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
    JsonNode node = find(field);
    if (node == null) {
      throw new InvalidWireRecordException(kind, field, "is missing");
    }
    return node;
  }

  /** The field's value, null when the field is not there. */
  private JsonNode find(String field) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(field)) {
        return values[i];
      }
    }
    return null;
  }

  /** Renders a value as JSON, cut to {@value #MAX_SHOWN} characters. */
  private static String shown(JsonNode node) {
    String json = node.toString();
    return json.length() <= MAX_SHOWN ? json : json.substring(0, MAX_SHOWN) + "...";
  }
}
