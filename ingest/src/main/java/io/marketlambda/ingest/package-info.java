/**
 * Ingest: where every number enters. {@code alphavantage} is the Alpha Vantage client, {@code
 * recorded} the readers of recorded market data, {@code quarantine} where rejected records go,
 * {@code kafka} the producers, {@code replay} the paced replay of recorded events.
 */
package io.marketlambda.ingest;
