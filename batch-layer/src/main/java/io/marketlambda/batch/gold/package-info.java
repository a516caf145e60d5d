/**
 * Gold, the batch views: adjusted daily, weekly and monthly bars, daily indicators, top movers and
 * volatility leaders, each a function of silver ({@link io.marketlambda.batch.gold.GoldViews}).
 */
package io.marketlambda.batch.gold;
