/**
 * Ingest: the Alpha Vantage client, readers of recorded market data and the Kafka quote producers.
 * Filled by the Ingest issue.
 */
package io.marketlambda.ingest;
