/**
 * Where rejected input goes: each record that is not accepted is kept with its origin, position,
 * field and reason ({@link io.marketlambda.sources.quarantine.RejectedRecord}), counted ({@link
 * io.marketlambda.sources.quarantine.ReadSummary}) and written to a JSON Lines file ({@link
 * io.marketlambda.sources.quarantine.QuarantineFile}); a rejection never stops a read.
 */
package io.marketlambda.sources.quarantine;
