package io.marketlambda.core.model;

import java.util.Locale;

/**
 * A listed ticker symbol in canonical form, e.g. {@code IBM}, {@code BRK.B}, {@code ^GSPC}.
 *
 * <p>Canonical form: 1 to {@value #MAX_LENGTH} characters of {@code A-Z}, {@code 0-9} and {@code .
 * - ^ = /}, starting with a letter, a digit or {@code ^}. A symbol is therefore plain ASCII (its
 * UTF-8 and ASCII bytes are the same) and never contains the byte {@code 0x00}: the realtime row
 * key relies on that to separate the symbol from the event time, so that {@code AB} never shares a
 * key prefix with {@code ABC}.
 *
 * @param value the canonical symbol text
 */
public record Symbol(String value) {
  /** The longest symbol accepted, in characters. */
  public static final int MAX_LENGTH = 15;

  private static final String RULE =
      "a symbol is 1 to "
          + MAX_LENGTH
          + " characters of A-Z 0-9 . - ^ = / starting with a letter, a digit or ^";

  /**
   * Accepts a symbol already in canonical form.
   *
   * @throws InvalidRecordException with field {@code symbol} when {@code value} is null or not
   *     canonical; the message names the value and the first problem found
   */
  public Symbol {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidRecordException(
          "Cannot accept symbol: " + problem + "; " + RULE, "symbol", problem);
    }
  }

  /**
   * Returns the symbol for user or vendor input: strips surrounding white space and upper-cases, so
   * {@code " brk.b "} becomes {@code BRK.B}.
   *
   * @throws InvalidRecordException when the normalised text is still not a canonical symbol
   */
  public static Symbol of(String text) {
    return new Symbol(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
  }

  /** Returns the canonical symbol text, e.g. {@code IBM}. */
  @Override
  public String toString() {
    return value;
  }

  /** Returns the first problem with {@code value}, or {@code null} when it is canonical. */
  private static String problemWith(String value) {
    if (value == null) {
      return "null";
    }
    if (value.isEmpty()) {
      return "\"\" is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return quoted(value) + " has " + value.length() + " characters, more than " + MAX_LENGTH;
    }
    char first = value.charAt(0);
    if (!(isLetterOrDigit(first) || first == '^')) {
      return quoted(value) + " starts with " + describe(first);
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(isLetterOrDigit(c) || ".-^=/".indexOf(c) >= 0)) {
        return quoted(value) + " contains " + describe(c) + " at index " + i;
      }
    }
    return null;
  }

  /** Quotes a value for a message, cut to twice the longest symbol. */
  private static String quoted(String value) {
    int shown = 2 * MAX_LENGTH;
    return '"' + (value.length() > shown ? value.substring(0, shown) + "..." : value) + '"';
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Names a character readably: {@code ' '}, {@code 'b' (lower case)}, {@code U+0000}. */
  private static String describe(char c) {
    if (c >= 'a' && c <= 'z') {
      return "'" + c + "' (lower case; Symbol.of upper-cases input)";
    }
    return c >= ' ' && c <= '~' ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
