/**
 * The batch layer's benchmark ({@code bench batch}: the recompute into Delta, Parquet and a no-op
 * sink in one run) and its part of the fault suite ({@code bench faults}: F9 killed, rerun and
 * doubled nightly runs, F12 quotes removed by retention before they were landed).
 */
package io.marketlambda.bench.batch;
