/**
 * Ingest's benchmark ({@code bench ingest}: parse and publish rates beside bare baselines), its
 * part of the fault suite (F7, the Alpha Vantage ingest against faulty recorded responses) and the
 * loopback stand-in for Alpha Vantage both use ({@link
 * io.marketlambda.ingest.bench.LocalAlphaVantage}).
 */
package io.marketlambda.ingest.bench;
