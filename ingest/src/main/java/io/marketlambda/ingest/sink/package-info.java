/**
 * The port ingest publishes through ({@link io.marketlambda.ingest.sink.EventSink}: a Kafka topic
 * in production, a list in unit tests) and its counts ({@link
 * io.marketlambda.ingest.sink.PublishStats}: sent, acknowledged, failed).
 */
package io.marketlambda.ingest.sink;
