/**
 * The speed layer's Spark Structured Streaming job: quotes from Kafka are decoded with the wire
 * codec of {@code core}, invalid ones go to the dead-letter topic, valid ones become the realtime
 * views in HBase (latest quote, intraday bars).
 */
package io.marketlambda.speed.stream;
