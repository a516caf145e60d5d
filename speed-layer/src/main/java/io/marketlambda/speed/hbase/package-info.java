/**
 * The HBase side of the speed layer: the writer a Spark executor uses for one micro-batch partition
 * ({@link io.marketlambda.speed.hbase.RealtimeViewWriter}) on the JVM's shared connection ({@link
 * io.marketlambda.speed.hbase.SharedConnections}). The schema, cell codec and reader are shared
 * with the serving layer in {@link io.marketlambda.hbaseviews}.
 */
package io.marketlambda.speed.hbase;
