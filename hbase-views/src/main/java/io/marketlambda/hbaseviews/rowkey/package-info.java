/**
 * Row keys of the HBase views (the realtime views and the batch serving copy), as plain byte arrays
 * (no HBase dependency): {@link io.marketlambda.hbaseviews.rowkey.RowKeyCodec} encodes salt bucket,
 * symbol and reversed event time so that a symbol's rows sort newest first and spread over
 * pre-split regions.
 */
package io.marketlambda.hbaseviews.rowkey;
