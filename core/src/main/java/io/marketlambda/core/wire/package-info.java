/**
 * The Kafka wire format of quotes: {@link io.marketlambda.core.wire.QuoteWireCodec} writes and
 * reads version 1 of the JSON value on topic {@code marketlambda.quotes.v1}, keyed by symbol.
 * Values that cannot be decoded raise {@link io.marketlambda.core.wire.InvalidWireRecordException}:
 * never retry, send to the dead-letter topic.
 */
package io.marketlambda.core.wire;
