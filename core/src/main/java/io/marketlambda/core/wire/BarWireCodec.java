package io.marketlambda.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.InvalidRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a vendor bar on the bars topic ({@code marketlambda.bars.v1}), wire format v1: bars that
 * arrive as bars (Alpha Vantage intraday, recorded minute and 5-minute bars), as opposed to bars
 * the speed layer builds from quotes.
 *
 * <p>Key: the symbol's bytes in UTF-8, so each symbol's bars stay in order on one partition. Value:
 * one UTF-8 JSON object with exactly these fields, in this order:
 *
 * <pre>{@code
 * {"schemaVersion":1,"symbol":"IBM","interval":"1m","start":"2013-10-07T13:30:00Z",
 *  "openUsd":182.0,"highUsd":182.24,"lowUsd":181.85,"closeUsd":182.15,
 *  "volumeShares":174289.0,"vwapUsd":182.08,"tradeCount":0}
 * }</pre>
 *
 * {@code interval} is a {@link BarInterval#code()}; {@code start} is the bar's start as an ISO-8601
 * UTC instant; prices in USD and volume in shares are JSON numbers; {@code tradeCount} is a JSON
 * integer, 0 when the vendor does not report it. Unknown fields are ignored on read.
 *
 * <p>Thread-safe.
 */
public final class BarWireCodec {
  /** The schema version this codec writes and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final String KIND = "bar";
  private static final String SCHEMA_VERSION_FIELD = "schemaVersion";
  private static final String SYMBOL = "symbol";
  private static final String INTERVAL = "interval";
  private static final String START = "start";
  private static final String OPEN_USD = "openUsd";
  private static final String HIGH_USD = "highUsd";
  private static final String LOW_USD = "lowUsd";
  private static final String CLOSE_USD = "closeUsd";
  private static final String VOLUME_SHARES = "volumeShares";
  private static final String VWAP_USD = "vwapUsd";
  private static final String TRADE_COUNT = "tradeCount";

  /** Returns the Kafka key of a bar: its symbol in UTF-8. */
  public byte[] encodeKey(Bar bar) {
    return bar.symbol().value().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the Kafka value of a bar: the UTF-8 JSON object of wire format v1, no newline. */
  public byte[] encodeValue(Bar bar) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = WireJsonReader.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
      json.writeStringField(SYMBOL, bar.symbol().value());
      json.writeStringField(INTERVAL, bar.interval().code());
      json.writeStringField(START, bar.start().toString());
      json.writeNumberField(OPEN_USD, bar.openUsd());
      json.writeNumberField(HIGH_USD, bar.highUsd());
      json.writeNumberField(LOW_USD, bar.lowUsd());
      json.writeNumberField(CLOSE_USD, bar.closeUsd());
      json.writeNumberField(VOLUME_SHARES, bar.volumeShares());
      json.writeNumberField(VWAP_USD, bar.vwapUsd());
      json.writeNumberField(TRADE_COUNT, bar.tradeCount());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot encode bar " + bar.symbol() + " " + bar.interval() + " " + bar.start() + ": " + e,
          e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a Kafka value written in wire format v1. Unknown fields are ignored.
   *
   * @throws InvalidWireRecordException when the value is not one JSON object, has a field missing,
   *     of the wrong type or duplicated, a schema version other than 1, an unknown interval, or
   *     values {@link Bar} rejects; {@link InvalidWireRecordException#field()} names the field
   */
  public Bar decode(byte[] value) {
    WireJsonReader json = WireJsonReader.read(value, KIND);
    json.requireSchemaVersion(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
    try {
      return new Bar(
          json.symbol(SYMBOL),
          json.interval(INTERVAL),
          json.instant(START),
          json.number(OPEN_USD),
          json.number(HIGH_USD),
          json.number(LOW_USD),
          json.number(CLOSE_USD),
          json.number(VOLUME_SHARES),
          json.number(VWAP_USD),
          json.integer(TRADE_COUNT));
    } catch (InvalidRecordException e) {
      throw e instanceof InvalidWireRecordException wire ? wire : json.invalid(e);
    }
  }
}
