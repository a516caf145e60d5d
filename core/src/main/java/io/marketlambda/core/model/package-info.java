/**
 * The market-data model every layer agrees on: {@link io.marketlambda.core.model.Symbol}, {@link
 * io.marketlambda.core.model.Quote} (one trade or last-price event), {@link
 * io.marketlambda.core.model.Bar} (OHLCV over a {@link io.marketlambda.core.model.BarInterval}) and
 * market time ({@link io.marketlambda.core.model.MarketTime}).
 *
 * <p>Event times are UTC {@link java.time.Instant}s; trading dates are America/New_York dates.
 * Prices are in USD, sizes and volumes in shares. Every value validates itself on construction and
 * rejects invalid data with {@link io.marketlambda.core.model.InvalidRecordException}: never retry,
 * quarantine.
 */
package io.marketlambda.core.model;
