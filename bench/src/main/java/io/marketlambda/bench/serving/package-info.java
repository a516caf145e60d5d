/**
 * The serving layer's benchmark ({@code bench serving}: lookups through the HTTP API, the Java
 * client and a bare HBase read in one run) and its part of the fault suite (F8, the serving copy
 * swapped under load).
 */
package io.marketlambda.bench.serving;
