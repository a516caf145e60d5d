/**
 * The nightly run: the recompute from bronze to gold up to a run date ({@link
 * io.marketlambda.batch.run.BatchJob}), the bronze snapshot it reads, where it writes ({@link
 * io.marketlambda.batch.run.ViewSink}), its record in {@code batch_runs} ({@link
 * io.marketlambda.batch.run.BatchRunColumns}, {@link io.marketlambda.batch.run.BatchRuns}), its
 * lock (one run at a time per lake, {@link io.marketlambda.batch.run.BatchRunLock}) and its
 * configuration ({@link io.marketlambda.batch.run.BatchConfig}).
 */
package io.marketlambda.batch.run;
