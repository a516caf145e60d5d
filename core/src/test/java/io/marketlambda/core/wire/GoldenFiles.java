package io.marketlambda.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** The golden files of the wire formats, under {@code /wire} on the test class path. */
final class GoldenFiles {
  private GoldenFiles() {}

  /** The file's bytes without the trailing newline editors add. */
  static byte[] read(String name) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/wire/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      byte[] bytes = in.readAllBytes();
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      return Arrays.copyOf(bytes, end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
