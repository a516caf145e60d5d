package io.marketlambda.bench.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident set size of this process, peak (Linux {@code VmHWM}) and now ({@code VmRSS}), in
 * bytes; 0 where unknown.
 */
final class PeakMemory {
  private PeakMemory() {}

  static long peakRssBytes() {
    return status("VmHWM:");
  }

  static long rssBytes() {
    return status("VmRSS:");
  }

  private static long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
