/**
 * Row keys of the HBase realtime views, as plain byte arrays (no HBase dependency): {@link
 * io.marketlambda.hbaseviews.rowkey.RowKeyCodec} encodes salt bucket, symbol and reversed event
 * time so that a symbol's rows sort newest first and spread over pre-split regions.
 */
package io.marketlambda.hbaseviews.rowkey;
