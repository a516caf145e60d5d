package io.marketlambda.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.core.model.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Bytes of a quote on the quotes topic ({@code marketlambda.quotes.v1}), wire format v1.
 *
 * <p>Key: the symbol's bytes in UTF-8 (plain ASCII), so that Kafka partitions by symbol and keeps
 * each symbol's quotes in order. Value: one UTF-8 JSON object with exactly these fields, in this
 * order:
 *
 * <pre>{@code
 * {"schemaVersion":1,"symbol":"IBM","eventTime":"2013-10-07T13:30:00.123Z","priceUsd":185.12,
 *  "sizeShares":100,"source":"lean-tick","sequence":42}
 * }</pre>
 *
 * Two optional fields follow for trades whose feed states them (Lean's tick files do, Alpha Vantage
 * does not): {@code "exchange":"D"}, the reporting market center's participant code, and {@code
 * "saleConditions":["average-price","trade-through-exempt"]}, the sale conditions by {@link
 * SaleCondition#wireName()}; then {@code "listingExchange":"N"}, the participant code of the
 * symbol's listing market, whose auction prints are the official open and close ({@link
 * io.marketlambda.core.model.AuctionPrint}). Each is left out when there is none (JSON null reads
 * as none); a reader that predates them ignores them, and a quote without them is a regular sale.
 *
 * <p>{@code eventTime} is an ISO-8601 UTC instant as written by {@link
 * java.time.Instant#toString()}; {@code priceUsd} is a JSON number in the shortest form that reads
 * back to the same double; {@code sizeShares} and {@code sequence} are JSON integers. Readers
 * ignore fields they do not know, so later minor additions stay compatible; an incompatible change
 * is a new schema version and topic.
 *
 * <p>Thread-safe: every instance shares one immutable Jackson mapper.
 */
public final class QuoteWireCodec {
  /** The schema version this codec writes and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final String KIND = "quote";
  private static final String SCHEMA_VERSION_FIELD = "schemaVersion";
  private static final String SYMBOL = "symbol";
  private static final String EVENT_TIME = "eventTime";
  private static final String PRICE_USD = "priceUsd";
  private static final String SIZE_SHARES = "sizeShares";
  private static final String SOURCE = "source";
  private static final String SEQUENCE = "sequence";
  private static final String EXCHANGE = "exchange";
  private static final String CONDITIONS = "saleConditions";
  private static final String LISTING_EXCHANGE = "listingExchange";

  /** Returns the Kafka key of a quote: its symbol in UTF-8, e.g. the 3 bytes of {@code IBM}. */
  public byte[] encodeKey(Quote quote) {
    return quote.symbol().value().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the Kafka value of a quote: the UTF-8 JSON object of wire format v1, without a trailing
   * newline.
   */
  public byte[] encodeValue(Quote quote) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator json = WireJsonReader.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
      json.writeStringField(SYMBOL, quote.symbol().value());
      json.writeStringField(EVENT_TIME, quote.eventTime().toString());
      json.writeNumberField(PRICE_USD, quote.priceUsd());
      json.writeNumberField(SIZE_SHARES, quote.sizeShares());
      json.writeStringField(SOURCE, quote.source());
      json.writeNumberField(SEQUENCE, quote.sequence());
      if (quote.exchange() != null) {
        json.writeStringField(EXCHANGE, quote.exchange());
      }
      if (quote.conditions() != 0) {
        json.writeArrayFieldStart(CONDITIONS);
        for (SaleCondition condition : SaleCondition.of(quote.conditions())) {
          json.writeString(condition.wireName());
        }
        json.writeEndArray();
      }
      if (quote.listingExchange() != null) {
        json.writeStringField(LISTING_EXCHANGE, quote.listingExchange());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot encode quote " + quote.symbol() + " " + quote.eventTime() + ": " + e, e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a Kafka value written in wire format v1. Unknown fields are ignored.
   *
   * @param value the Kafka value: UTF-8 JSON
   * @throws InvalidWireRecordException when the value is null or empty, not a single JSON object,
   *     has a field missing, of the wrong type or duplicated, has a schema version other than 1, or
   *     holds values {@link Quote} rejects; {@link InvalidWireRecordException#field()} names the
   *     field
   */
  public Quote decode(byte[] value) {
    WireJsonReader json = WireJsonReader.read(value, KIND);
    json.requireSchemaVersion(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
    Symbol symbol = json.symbol(SYMBOL);
    Instant eventTime = json.instant(EVENT_TIME);
    double priceUsd = json.number(PRICE_USD);
    long sizeShares = json.integer(SIZE_SHARES);
    String source = json.text(SOURCE);
    long sequence = json.integer(SEQUENCE);
    String exchange = json.optionalText(EXCHANGE);
    long conditions = 0;
    for (String name : json.optionalTextArray(CONDITIONS)) {
      try {
        conditions |= SaleCondition.ofWireName(name).mask();
      } catch (IllegalArgumentException e) {
        throw new InvalidWireRecordException(KIND, CONDITIONS, e.getMessage(), e);
      }
    }
    String listingExchange = json.optionalText(LISTING_EXCHANGE);
    try {
      return new Quote(
          symbol,
          eventTime,
          priceUsd,
          sizeShares,
          source,
          sequence,
          exchange,
          conditions,
          listingExchange);
    } catch (InvalidRecordException e) {
      throw json.invalid(e);
    }
  }
}
