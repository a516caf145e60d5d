package io.marketlambda.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads typed fields of one JSON object of the quote wire format, raising {@link
 * InvalidQuoteException} that names the field when one is missing or of the wrong type.
 */
final class QuoteJsonReader {
  /** Longest rendering of a bad value in a message, in characters. */
  private static final int MAX_SHOWN = 64;

  private final JsonNode object;

  /**
   * @param object a JSON object node
   */
  QuoteJsonReader(JsonNode object) {
    this.object = object;
  }

  /** Throws unless {@code field} is the integer {@code supported}. */
  void requireSchemaVersion(String field, int supported) {
    long version = integer(field);
    if (version != supported) {
      throw new InvalidQuoteException(
          field, version + " is not supported; this reader understands version " + supported);
    }
  }

  /** Returns a canonical symbol from a JSON string. */
  Symbol symbol(String field) {
    String text = text(field);
    try {
      return new Symbol(text);
    } catch (InvalidRecordException e) {
      throw new InvalidQuoteException(field, e.reason(), e);
    }
  }

  /** Returns an instant from an ISO-8601 JSON string such as {@code 2013-10-07T13:30:00.123Z}. */
  Instant instant(String field) {
    String text = text(field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidQuoteException(
          field,
          shown(object.get(field)) + " is not an ISO-8601 UTC instant like 2013-10-07T13:30:00Z",
          e);
    }
  }

  /** Returns any JSON number as a double. */
  double number(String field) {
    JsonNode node = required(field);
    if (!node.isNumber()) {
      throw new InvalidQuoteException(field, shown(node) + " is not a number");
    }
    return node.doubleValue();
  }

  /** Returns a JSON integer that fits a {@code long}; {@code 100.0} is not an integer. */
  long integer(String field) {
    JsonNode node = required(field);
    if (!node.isIntegralNumber()) {
      throw new InvalidQuoteException(field, shown(node) + " is not an integer");
    }
    if (!node.canConvertToLong()) {
      throw new InvalidQuoteException(field, shown(node) + " is out of the 64-bit integer range");
    }
    return node.longValue();
  }

  /** Returns a JSON string. */
  String text(String field) {
    JsonNode node = required(field);
    if (!node.isTextual()) {
      throw new InvalidQuoteException(field, shown(node) + " is not a string");
    }
    return node.textValue();
  }

  private JsonNode required(String field) {
    JsonNode node = object.get(field);
    if (node == null) {
      throw new InvalidQuoteException(field, "is missing");
    }
    return node;
  }

  /** Renders a value as JSON, cut to {@value #MAX_SHOWN} characters. */
  private static String shown(JsonNode node) {
    String json = node.toString();
    return json.length() <= MAX_SHOWN ? json : json.substring(0, MAX_SHOWN) + "...";
  }
}
