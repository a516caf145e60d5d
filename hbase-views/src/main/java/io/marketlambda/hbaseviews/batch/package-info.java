/**
 * The batch layer's serving copy in HBase: the gold views the serving layer looks up by symbol and
 * time, in a versioned table per batch run, and the pointer that says which one is live. Defined
 * once here for the batch layer that writes it and the serving layer that reads it.
 */
package io.marketlambda.hbaseviews.batch;
