/**
 * Batch layer: the immutable master data set and the nightly recompute into Delta bronze, silver
 * and gold. Filled by the Batch layer issue.
 */
package io.marketlambda.batch;
