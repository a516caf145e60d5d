/**
 * Starting the local stack from another JVM without its server dependencies on the classpath: the
 * child process ({@link io.marketlambda.localstack.LocalStackProcess}), its options and command
 * line, and the endpoints it writes ({@link io.marketlambda.localstack.LocalStackEndpoints}: Kafka,
 * ZooKeeper, HDFS), which other commands read as settings.
 */
package io.marketlambda.localstack;
