/**
 * Speed layer: Kafka quotes to Spark Structured Streaming to HBase realtime views. Filled by the
 * Speed layer issue.
 */
package io.marketlambda.speed;
