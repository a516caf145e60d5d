/**
 * Where rejected input goes: each record that is not accepted is kept with its origin, position,
 * field and reason ({@link io.marketlambda.ingest.quarantine.RejectedRecord}), counted ({@link
 * io.marketlambda.ingest.quarantine.ReadSummary}) and written to a JSON Lines file ({@link
 * io.marketlambda.ingest.quarantine.QuarantineFile}); a rejection never stops a read.
 */
package io.marketlambda.ingest.quarantine;
