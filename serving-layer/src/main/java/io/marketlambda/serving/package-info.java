/**
 * The serving layer's process ({@link io.marketlambda.serving.ServingApplication}: one HBase
 * connection, the merged views and the HTTP API) and its configuration ({@link
 * io.marketlambda.serving.ServingConfig}).
 */
package io.marketlambda.serving;
