/**
 * The speed layer's benchmark ({@code bench speed}: the speed layer driven at rising rates, next to
 * a bare KafkaConsumer → BufferedMutator loop measured in the same run) and its part of the fault
 * suite ({@code bench faults} F0-F6: SIGKILL, outages of HBase and Kafka, poison records,
 * duplicates, late quotes), accounted by {@link io.marketlambda.bench.speed.FaultLedger}.
 */
package io.marketlambda.bench.speed;
