/**
 * The HBase store of the views: every byte the layers write to HBase or read from it is defined
 * here. Row keys ({@link io.marketlambda.hbaseviews.rowkey}); the realtime views the speed layer
 * writes, their schema, cell codec and reader ({@link io.marketlambda.hbaseviews.realtime}); the
 * batch layer's serving copy, its cells, tables, pointer switch and reader ({@link
 * io.marketlambda.hbaseviews.batch}); connections from {@code hbase.*} settings ({@link
 * io.marketlambda.hbaseviews.HBaseConnector}) and the namespace and salt buckets ({@link
 * io.marketlambda.hbaseviews.HBaseViewsConfig}). The readers implement the serving layer's ports of
 * {@code io.marketlambda.core.view}.
 */
package io.marketlambda.hbaseviews;
