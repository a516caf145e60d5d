/**
 * Bronze, the master data set: append-only Delta tables of every bar, corporate action and quote as
 * it arrived, with its lineage ({@link io.marketlambda.batch.bronze.BronzeColumns}); the idempotent
 * history import ({@link io.marketlambda.batch.bronze.BronzeImport}) and the landing of the quotes
 * topic ({@link io.marketlambda.batch.bronze.QuoteLanding}).
 */
package io.marketlambda.batch.bronze;
