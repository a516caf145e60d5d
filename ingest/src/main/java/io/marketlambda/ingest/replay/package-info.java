/**
 * Replays of recorded ticks and bars as if live: streams merged by event time ({@link
 * io.marketlambda.ingest.replay.EventMerger}) and published paced by it ({@link
 * io.marketlambda.ingest.replay.Replay}, {@link io.marketlambda.ingest.replay.ReplaySpeed}: {@code
 * 60x}, {@code max}), from files to the quotes or bars topic ({@link
 * io.marketlambda.ingest.replay.RecordedReplay}).
 */
package io.marketlambda.ingest.replay;
