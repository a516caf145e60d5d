package io.marketlambda.serving.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3 document of the HTTP API, {@code openapi.json} beside this class. */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.json";

  private OpenApiDocument() {}

  /** The document's bytes (UTF-8 JSON). */
  static byte[] bytes() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot find " + RESOURCE + " beside " + OpenApiDocument.class);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
