package io.marketlambda.sources.alphavantage;

import java.util.Optional;

/**
 * A request that cannot succeed as it is: an invalid call or API key ({@code Error Message}), a
 * premium-only endpoint, an unknown non-data body, or a body that is not the JSON or CSV asked for.
 * Never retried: fix the request, the key or the plan.
 */
public final class AlphaVantageRequestException extends AlphaVantageException {
  private final NonDataKind kind;

  AlphaVantageRequestException(String message, String call, NonDataKind kind, String apiText) {
    this(message, call, kind, apiText, null);
  }

  AlphaVantageRequestException(
      String message, String call, NonDataKind kind, String apiText, Throwable cause) {
    super(message, call, apiText, cause);
    this.kind = kind;
  }

  /**
   * Returns how the API's non-data body was classified, empty when the body was data that could not
   * be read.
   */
  public Optional<NonDataKind> kind() {
    return Optional.ofNullable(kind);
  }
}
