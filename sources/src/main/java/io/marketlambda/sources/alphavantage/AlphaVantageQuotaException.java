package io.marketlambda.sources.alphavantage;

/**
 * The API key's daily quota is spent (free keys: 25 calls a day since 2024). Not retried: stop
 * calling until the quota resets and let the quota planner of the poll loop spread the next day's
 * calls.
 */
public final class AlphaVantageQuotaException extends AlphaVantageException {
  AlphaVantageQuotaException(String message, String call, String apiText) {
    super(message, call, apiText, null);
  }
}
