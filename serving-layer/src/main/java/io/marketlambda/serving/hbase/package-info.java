/**
 * The HBase adapters of the serving layer's ports: the batch serving copy with its pointer cached
 * ({@link io.marketlambda.serving.hbase.HBaseBatchView}) and the realtime views ({@link
 * io.marketlambda.serving.hbase.HBaseRealtimeView}) over one connection.
 */
package io.marketlambda.serving.hbase;
