/**
 * Polling Alpha Vantage onto Kafka: what to fetch when within the daily and per-minute quota
 * ({@link io.marketlambda.ingest.poll.QuotaPlanner}, {@link
 * io.marketlambda.ingest.poll.FetchPlan}), whether the US market is open ({@link
 * io.marketlambda.ingest.poll.MarketHours}), what was published already ({@link
 * io.marketlambda.ingest.poll.HighWaterMarks}), one fetch cycle ({@link
 * io.marketlambda.ingest.poll.AlphaVantageIngest}) and the loop of cycles ({@link
 * io.marketlambda.ingest.poll.PollLoop}).
 */
package io.marketlambda.ingest.poll;
