/**
 * The HBase store of the views, shared by the layers that write and read them: the realtime views'
 * schema ({@link io.marketlambda.viewstore.RealtimeViewsSchema}), their cell codec ({@link
 * io.marketlambda.viewstore.RealtimeCellCodec}) and reader ({@link
 * io.marketlambda.viewstore.RealtimeViewReader}), the reader of the batch serving copy ({@link
 * io.marketlambda.viewstore.BatchViewReader}), and HBase connections from {@code hbase.*} settings
 * ({@link io.marketlambda.viewstore.HBaseConnector}). Tables, families, qualifiers and TTLs are
 * defined once in {@link io.marketlambda.core.realtime} and {@link io.marketlambda.core.batchview};
 * row keys in {@link io.marketlambda.core.rowkey.RealtimeRowKeyCodec}.
 */
package io.marketlambda.viewstore;
