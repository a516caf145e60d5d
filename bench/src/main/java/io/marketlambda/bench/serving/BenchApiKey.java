package io.marketlambda.bench.serving;

import io.marketlambda.core.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings of an in-process API server a benchmark talks to: a free port, one fresh API key in
 * a key file of its own, and a rate limit no benchmark reaches.
 *
 * @param key the API key to send as {@code X-API-Key}
 * @param settings the given settings with the server's
 */
record BenchApiKey(String key, Settings settings) {
  /** Writes {@code <work>/<name>} holding a new key, and returns it with the server's settings. */
  static BenchApiKey create(Settings settings, Path work, String name) throws IOException {
    String key = name + "-" + Long.toHexString(System.nanoTime());
    Path keys = work.resolve(name);
    Files.createDirectories(work);
    Files.writeString(keys, key + "\n", StandardCharsets.UTF_8);
    return new BenchApiKey(
        key,
        settings.withOverrides(
            List.of(
                "serving.http.port=0",
                "serving.api-keys-file=" + keys.toAbsolutePath(),
                "serving.rate-limit=1000000")));
  }
}
