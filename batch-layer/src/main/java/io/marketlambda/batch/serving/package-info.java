/**
 * The HBase serving copy of a run's gold views: cells in HBase order ({@link
 * io.marketlambda.batch.serving.ServingCopyCells}) bulk-loaded into a table of their own, then the
 * pointer switched to it ({@link io.marketlambda.batch.serving.ServingCopyExport}).
 */
package io.marketlambda.batch.serving;
