/**
 * Ingest's benchmark ({@code bench ingest}: parse and publish rates beside bare baselines) and its
 * part of the fault suite (F7, the Alpha Vantage ingest against faulty recorded responses served by
 * {@link io.marketlambda.testing.LocalAlphaVantage}).
 */
package io.marketlambda.bench.ingest;
