/**
 * What the layers' benchmarks share: a fault's accounting row and the fault suite's report ({@link
 * io.marketlambda.core.bench.FaultRow}, {@link io.marketlambda.core.bench.FaultReport}), and a
 * process of ours in a child JVM that a fault can kill ({@link
 * io.marketlambda.core.bench.ChildJvm}).
 */
package io.marketlambda.core.bench;
