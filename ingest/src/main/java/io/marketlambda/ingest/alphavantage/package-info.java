/**
 * The Alpha Vantage client: requests ({@link
 * io.marketlambda.ingest.alphavantage.AlphaVantageRequest}), the HTTP client with bounded retry
 * ({@link io.marketlambda.ingest.alphavantage.AlphaVantageClient}), parsers of JSON and CSV
 * responses into model records ({@link io.marketlambda.ingest.alphavantage.AlphaVantageParser}),
 * the classification of the non-data bodies Alpha Vantage serves with HTTP 200 ({@link
 * io.marketlambda.ingest.alphavantage.NonDataResponse}) and the daily quota planner ({@link
 * io.marketlambda.ingest.alphavantage.QuotaPlanner}).
 */
package io.marketlambda.ingest.alphavantage;
