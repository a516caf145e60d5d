/**
 * The HBase side of the speed layer: the writer a Spark executor uses for one micro-batch partition
 * ({@link io.marketlambda.speed.hbase.RealtimeViewWriter}) and the read-back of a session's minutes
 * for the derived views ({@link io.marketlambda.speed.hbase.SessionBarsReader}). The schema, cell
 * codec and reader are shared with the serving layer in {@link io.marketlambda.viewstore}.
 */
package io.marketlambda.speed.hbase;
