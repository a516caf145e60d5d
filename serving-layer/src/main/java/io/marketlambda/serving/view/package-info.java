/**
 * The merged views: for each symbol the batch view up to its batch watermark and the realtime view
 * after it ({@link io.marketlambda.serving.view.ServingViews}), over two ports ({@link
 * io.marketlambda.core.view.BatchView}, {@link io.marketlambda.core.view.RealtimeView}), with
 * longer bars rolled up from finer ones (core's {@link
 * io.marketlambda.core.model.BarBuilder#rollUp}) and the day's movers.
 */
package io.marketlambda.serving.view;
