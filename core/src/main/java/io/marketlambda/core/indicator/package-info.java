/**
 * The technical indicators both layers compute, as plain functions over a series of closes in time
 * order (oldest first): one definition of the math, whatever runs it (a Spark group in the batch
 * layer, a micro-batch in the speed layer). Each function's documentation names its source.
 */
package io.marketlambda.core.indicator;
