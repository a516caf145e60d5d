/**
 * The Java client for apps that look the merged views up in HBase directly ({@link
 * io.marketlambda.serving.client.ServingClient}): one shared connection per JVM.
 */
package io.marketlambda.serving.client;
