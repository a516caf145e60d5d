package io.marketlambda.serving.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * The API keys the HTTP API accepts, from a file: one key per line, blank lines and lines starting
 * with {@code #} ignored, surrounding white space trimmed. Keys are compared in constant time
 * ({@link MessageDigest#isEqual}) and never logged.
 */
final class ApiKeys {
  /** The header that carries the key, as many market-data APIs name it. */
  static final String HEADER = "X-API-Key";

  private final List<byte[]> keys;

  private ApiKeys(Set<String> keys) {
    this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /**
   * Reads the keys file.
   *
   * @throws IllegalArgumentException naming the file when it is missing or holds no key
   * @throws UncheckedIOException when it cannot be read
   */
  static ApiKeys load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Cannot read serving.api-keys-file "
              + file
              + ": no such file; write one API key per line (e.g. openssl rand -hex 16)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read serving.api-keys-file " + file, e);
    }
    Set<String> keys =
        lines.stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot use serving.api-keys-file " + file + ": it holds no key (one per line)");
    }
    return new ApiKeys(keys);
  }

  /** Whether {@code candidate} is one of the keys. */
  boolean accepts(String candidate) {
    if (candidate == null) {
      return false;
    }
    byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (byte[] key : keys) {
      found |= MessageDigest.isEqual(key, bytes);
    }
    return found;
  }
}
