/**
 * The benchmarks and the fault suite ({@code bin/marketlambda bench ...}), out of the product jars:
 * each figure printed next to a bare baseline measured in the same run. This package holds what the
 * layers' benchmarks share: a fault's accounting row and the fault suite's report ({@link
 * io.marketlambda.bench.FaultRow}, {@link io.marketlambda.bench.FaultReport}) and the control of
 * the local stack a fault uses ({@link io.marketlambda.bench.StackControl}); one package per layer
 * below it.
 */
package io.marketlambda.bench;
