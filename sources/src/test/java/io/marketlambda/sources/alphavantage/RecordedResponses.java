package io.marketlambda.sources.alphavantage;

import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The real Alpha Vantage responses of the shared data, read as the API sent them. */
public final class RecordedResponses {
  private RecordedResponses() {}

  /** Returns the body of {@code alphavantage/<relative>}. */
  public static String read(String relative) {
    try {
      return Files.readString(
          SharedData.resolve("alphavantage/" + relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
