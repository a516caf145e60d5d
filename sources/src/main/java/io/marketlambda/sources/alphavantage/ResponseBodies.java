package io.marketlambda.sources.alphavantage;

/** Reads a data body as JSON or CSV, as the request asked. */
final class ResponseBodies {
  private ResponseBodies() {}

  /**
   * @throws TruncatedBodyException when the body ends early
   * @throws IllegalArgumentException when the body is not of {@code dataType}, e.g. JSON when CSV
   *     was asked for
   */
  static ResponseTable read(DataType dataType, String body) {
    if (dataType == DataType.JSON) {
      return JsonTables.read(body);
    }
    if (body.stripLeading().startsWith("{")) {
      throw new IllegalArgumentException("body is JSON, not the CSV asked for");
    }
    return CsvTables.read(body);
  }

  /**
   * Checks the body can be read as {@code dataType} and is complete, without making records; the
   * client calls it so that truncated bodies are retried.
   *
   * @throws TruncatedBodyException when the body ends early
   */
  static void requireComplete(DataType dataType, String body) {
    try {
      read(dataType, body);
    } catch (IllegalArgumentException e) {
      // Not truncated: the parser reports unreadable bodies to its caller.
    }
  }
}
