package io.marketlambda.sources.alphavantage;

import java.util.Optional;

/**
 * A call to Alpha Vantage that did not give data. The subclass says what the caller does: {@link
 * AlphaVantageRequestException} (fix the request or the plan; never retried), {@link
 * AlphaVantageTransientException} (retried with back-off; thrown once the attempts are spent) and
 * {@link AlphaVantageQuotaException} (stop calling until the daily quota resets). Messages name the
 * function and the symbol, quote the API's own text when there is one, and never contain the API
 * key.
 */
public abstract class AlphaVantageException extends RuntimeException {
  private final String call;
  private final String apiText;

  AlphaVantageException(String message, String call, String apiText, Throwable cause) {
    super(message, cause);
    this.call = call;
    this.apiText = apiText;
  }

  /** Returns the call that failed as {@link AlphaVantageRequest#describe()} writes it. */
  public String call() {
    return call;
  }

  /** Returns the text of the API's non-data body, empty when the failure had none. */
  public Optional<String> apiText() {
    return Optional.ofNullable(apiText);
  }

  static String message(String call, String problem, String apiText, String advice) {
    return "Cannot call "
        + call
        + ": "
        + problem
        + (apiText == null ? "" : " \"" + apiText + "\"")
        + "; "
        + advice;
  }
}
