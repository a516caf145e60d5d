/**
 * The Alpha Vantage client: requests ({@link
 * io.marketlambda.sources.alphavantage.AlphaVantageRequest}), the HTTP client with bounded retry
 * ({@link io.marketlambda.sources.alphavantage.AlphaVantageClient}), parsers of JSON and CSV
 * responses into model records ({@link io.marketlambda.sources.alphavantage.AlphaVantageParser}),
 * the classification of the non-data bodies Alpha Vantage serves with HTTP 200 ({@link
 * io.marketlambda.sources.alphavantage.NonDataResponse}), the quota ledger ({@link
 * io.marketlambda.sources.alphavantage.QuotaLedger}) and the readers of recorded Alpha Vantage
 * files ({@link io.marketlambda.sources.alphavantage.AlphaVantageFileReader}). What to fetch when
 * is the poll loop's, in {@code io.marketlambda.ingest.poll}.
 */
package io.marketlambda.sources.alphavantage;
