/**
 * Silver: validated and adjusted data. {@code silver.bars_daily} (one checked daily bar per symbol
 * and trading date, raw and adjusted for splits and dividends, {@link
 * io.marketlambda.batch.silver.SilverDailyBars}), daily bars from intraday ones ({@link
 * io.marketlambda.batch.silver.IntradayDailyBars}) and the landed quotes decoded with the speed
 * layer's codec into trades and one-minute bars ({@link
 * io.marketlambda.batch.silver.SilverQuotes}).
 */
package io.marketlambda.batch.silver;
