/**
 * The HBase side of the speed layer: the realtime views' schema ({@link
 * io.marketlambda.speed.hbase.RealtimeViewsSchema}), the writer a Spark executor uses for one
 * micro-batch partition ({@link io.marketlambda.speed.hbase.RealtimeViewWriter}) and the reader
 * that decodes the views back into bars and quotes ({@link
 * io.marketlambda.speed.hbase.RealtimeViewReader}). Tables, families, qualifiers and TTLs are
 * defined once in {@link io.marketlambda.core.realtime}; row keys in {@link
 * io.marketlambda.core.rowkey.RealtimeRowKeyCodec}.
 */
package io.marketlambda.speed.hbase;
