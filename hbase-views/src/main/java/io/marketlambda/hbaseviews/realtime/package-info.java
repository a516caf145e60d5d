/**
 * The HBase realtime views the speed layer writes and the serving layer reads: table names, column
 * families, qualifiers and value encodings, defined once. Row keys come from {@link
 * io.marketlambda.hbaseviews.rowkey.RowKeyCodec}; the cell timestamp of every cell is the event
 * time (epoch ms UTC), so a replay rewrites identical cells.
 */
package io.marketlambda.hbaseviews.realtime;
