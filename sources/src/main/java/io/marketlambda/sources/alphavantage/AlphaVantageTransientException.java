package io.marketlambda.sources.alphavantage;

/**
 * A failure that may pass: HTTP 5xx (or another unexpected status), a time-out, a connection
 * failure, a truncated body, or the per-minute rate limit. The client retries these with
 * exponential back-off and jitter; this exception reaches the caller once the attempts are spent,
 * chaining the last failure.
 */
public final class AlphaVantageTransientException extends AlphaVantageException {
  private final boolean rateLimited;

  AlphaVantageTransientException(
      String message, String call, String apiText, boolean rateLimited, Throwable cause) {
    super(message, call, apiText, cause);
    this.rateLimited = rateLimited;
  }

  /** Returns whether the API answered with its per-minute rate-limit body. */
  public boolean rateLimited() {
    return rateLimited;
  }
}
