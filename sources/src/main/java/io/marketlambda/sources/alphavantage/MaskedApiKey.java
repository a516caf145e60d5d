package io.marketlambda.sources.alphavantage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Alpha Vantage API key. {@link #toString()} is {@code ***}, so the key never reaches a log or
 * message by accident; {@link #mask(String)} hides it in URLs.
 *
 * @param value the key as sent in {@code apikey=}
 */
public record MaskedApiKey(String value) {
  /** The environment variable read first. */
  public static final String ENVIRONMENT_VARIABLE = "ALPHAVANTAGE_API_KEY";

  private static final Pattern APIKEY_PARAMETER = Pattern.compile("(?i)(apikey=)[^&\\s\"]*");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /**
   * @throws IllegalArgumentException when the key is not 1 to 128 letters, digits, {@code _} or
   *     {@code -}; the message does not show it
   */
  public MaskedApiKey {
    if (value == null || !KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Cannot use Alpha Vantage API key: it is not 1 to 128 letters, digits, _ or -");
    }
  }

  /**
   * Returns the key from {@value #ENVIRONMENT_VARIABLE} in {@code environment} if set, else the
   * first line of {@code keyFile}.
   *
   * @param environment usually {@code System.getenv()}
   * @param keyFile the {@code alphavantage.api-key-file}, or {@code null}
   * @throws IllegalStateException when neither gives a key, naming both
   * @throws UncheckedIOException when the key file cannot be read
   */
  public static MaskedApiKey load(Map<String, String> environment, Path keyFile) {
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new MaskedApiKey(fromEnvironment.strip());
    }
    if (keyFile == null) {
      throw new IllegalStateException(
          "Cannot find the Alpha Vantage API key: set "
              + ENVIRONMENT_VARIABLE
              + " or config key alphavantage.api-key-file");
    }
    try {
      String text = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
      return new MaskedApiKey(text.lines().findFirst().orElse("").strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Alpha Vantage API key file " + keyFile, e);
    }
  }

  /** Returns {@code text} with every {@code apikey=...} value replaced by {@code ***}. */
  public static String mask(String text) {
    return APIKEY_PARAMETER.matcher(text).replaceAll("$1***");
  }

  /** Returns {@code ***}. */
  @Override
  public String toString() {
    return "***";
  }
}
