package io.marketlambda.speed.stream;

import java.io.Serializable;

/**
 * A Kafka record as the speed layer received it, for the late and dead-letter topics.
 *
 * @param key the key bytes, null when the record had none
 * @param value the value bytes, null when the record had none
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 */
public record SourceRecord(byte[] key, byte[] value, String topic, int partition, long offset)
    implements Serializable {}
