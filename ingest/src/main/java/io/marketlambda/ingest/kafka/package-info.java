/**
 * Publishing to Kafka: the idempotent producer sink of one topic, keyed by symbol ({@link
 * io.marketlambda.ingest.kafka.KafkaEventSink}), its settings ({@link
 * io.marketlambda.ingest.kafka.KafkaPublishConfig}) and the creation of missing topics ({@link
 * io.marketlambda.ingest.kafka.TopicCreator}).
 */
package io.marketlambda.ingest.kafka;
