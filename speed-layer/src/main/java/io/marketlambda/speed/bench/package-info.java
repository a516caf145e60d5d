/**
 * {@code marketlambda bench speed}: the speed layer driven at rising rates, next to a bare
 * KafkaConsumer → BufferedMutator loop measured in the same run.
 */
package io.marketlambda.speed.bench;
