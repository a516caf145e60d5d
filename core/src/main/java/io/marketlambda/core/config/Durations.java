package io.marketlambda.core.config;

import java.time.Duration;

/**
 * The one way durations are written, in config files and on the command line alike: a whole number
 * and a unit ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 7d}) or ISO-8601 ({@code
 * PT30S}).
 */
public final class Durations {
  /** Examples for messages and help. */
  public static final String EXAMPLES = ConfigSyntax.DURATION_EXAMPLES;

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the text when it is neither form, negative or too large
   */
  public static Duration parse(String text) {
    return ConfigSyntax.parseDuration(text);
  }

  /** The shortest form {@link #parse} reads back: {@code 10s}, {@code 7d}, {@code 500ms}. */
  public static String format(Duration duration) {
    return ConfigSyntax.formatDuration(duration);
  }
}
