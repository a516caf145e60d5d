package io.marketlambda.app;

import io.marketlambda.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every duration option, as config files write durations ({@link Durations}: {@code 90s}, {@code
 * 2m}, {@code PT90S}); a bare whole number is seconds ({@code --duration 90}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
  /** For option descriptions. */
  static final String FORMAT = "e.g. 90s, 2m, 1h or PT90S; a bare number is seconds";

  @Override
  public Duration convert(String text) {
    if (text.matches("\\d{1,12}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + text + "' is not a duration (" + FORMAT + ")");
    }
  }
}
