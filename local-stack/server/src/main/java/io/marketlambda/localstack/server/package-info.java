/**
 * The local stack's JVM: real ZooKeeper, HDFS (one NameNode and DataNode), HBase (master and region
 * server) and Kafka (KRaft) in one process ({@link io.marketlambda.localstack.server.LocalStack}),
 * started by {@link io.marketlambda.localstack.server.LocalStackApplication}, which writes their
 * endpoints and takes control commands (stop/start a service) on its standard input.
 */
package io.marketlambda.localstack.server;
