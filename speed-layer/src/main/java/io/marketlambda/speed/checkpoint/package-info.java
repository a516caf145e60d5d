/**
 * Spark's checkpoint file manager for local disk through {@code java.nio} ({@link
 * io.marketlambda.speed.checkpoint.LocalCheckpointFileManager}); other file systems keep Spark's
 * own.
 */
package io.marketlambda.speed.checkpoint;
