package io.marketlambda.sources.alphavantage;

/**
 * A body that ends early: JSON cut before its end, or CSV whose last row has fewer fields than the
 * header. The client turns it into an {@link AlphaVantageTransientException} and retries.
 */
final class TruncatedBodyException extends RuntimeException {
  TruncatedBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
