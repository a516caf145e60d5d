/**
 * Row keys of the HBase realtime views, as plain byte arrays (no HBase dependency): {@link
 * io.marketlambda.core.rowkey.RealtimeRowKeyCodec} encodes salt bucket, symbol and reversed event
 * time so that a symbol's rows sort newest first and spread over pre-split regions.
 */
package io.marketlambda.core.rowkey;
