/**
 * The read side of the views, as the serving layer sees them: {@link
 * io.marketlambda.core.view.RealtimeView} (the speed layer's realtime views) and {@link
 * io.marketlambda.core.view.BatchView} (the batch layer's serving copy, one run at a time through
 * its {@link io.marketlambda.core.view.BatchViewPointer}). The HBase store implements both ({@code
 * io.marketlambda.hbaseviews}); the serving layer merges them, and unit tests use fakes.
 */
package io.marketlambda.core.view;
