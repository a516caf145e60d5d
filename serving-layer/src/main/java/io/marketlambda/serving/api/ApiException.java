package io.marketlambda.serving.api;

/**
 * A request the API answers with an error status and a one-line reason, never a stack trace.
 * Statuses: 400 malformed or too large, 401 no or unknown API key, 404 unknown symbol, 429 over the
 * key's rate limit, 503 a backend (HBase) unreachable.
 */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
