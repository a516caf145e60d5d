package io.marketlambda.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How config values are written beyond plain strings and numbers: durations ({@code 500ms}, {@code
 * PT1S}), booleans ({@code true} or {@code false} only) and enum constants ({@code dead-letter} for
 * {@code DEAD_LETTER}). Parsers throw {@link IllegalArgumentException}, which {@link ConfigKey}
 * turns into a {@link ConfigException} naming the key.
 */
final class ConfigSyntax {
  /** How config values write durations, for messages. */
  static final String DURATION_EXAMPLES = "500ms, 1s, 2m, PT1S";

  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  private ConfigSyntax() {}

  /**
   * Parses a non-negative duration: a whole number and a unit ({@code 500ms}, {@code 1s}, {@code
   * 2m}, {@code 1h}, {@code 1d}, a day being 24 hours) or ISO-8601 ({@code PT1S}, {@code PT0.5S}).
   *
   * @throws IllegalArgumentException when {@code text} is neither form, negative or too large
   */
  static Duration parseDuration(String text) {
    Duration duration;
    try {
      Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
      duration =
          matcher.matches()
              ? Duration.of(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2)))
              : Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("Cannot parse duration '" + text + "'", e);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Cannot parse duration '" + text + "': it is negative");
    }
    return duration;
  }

  /**
   * Writes a duration as {@link #parseDuration} reads it, in the largest unit that holds it whole:
   * {@code 10s}, {@code 7d}, {@code 500ms}, {@code 0s}.
   */
  static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    for (String unit : List.of("d", "h", "m", "s")) {
      long size = UNITS.get(unit).getDuration().toMillis();
      if (millis % size == 0) {
        return millis / size + unit;
      }
    }
    return millis + "ms";
  }

  /**
   * Parses exactly {@code true} or {@code false}.
   *
   * @throws IllegalArgumentException for anything else, including {@code TRUE} and {@code yes}
   */
  static Boolean parseBoolean(String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("Cannot parse boolean '" + text + "'");
    };
  }

  /** Returns how config writes an enum constant: lower case, {@code -} for {@code _}. */
  static String enumName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses the config name of a constant of {@code type}.
   *
   * @throws IllegalArgumentException when no constant has that {@link #enumName}
   */
  static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> enumName(constant).equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot parse " + type.getSimpleName() + " '" + text + "'"));
  }
}
