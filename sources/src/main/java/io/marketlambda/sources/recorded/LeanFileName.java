package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.InvalidRecordException;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trading date and symbol of a Lean intraday file, which its rows do not repeat: {@code
 * 20131007_ibm_Trade_Tick.csv}, {@code 20140609_aapl_minute_trade.csv}.
 *
 * @param date the America/New_York trading date the file's times count from
 * @param symbol the ticker, upper-cased
 */
record LeanFileName(LocalDate date, Symbol symbol) {
  private static final Pattern INTRADAY = Pattern.compile("([0-9]{8})_([^_]+)_(.+)\\.csv");

  /**
   * Parses a Lean intraday file name whose part after the symbol is {@code kind}, compared without
   * case (e.g. {@code trade_tick}, {@code minute_trade}).
   *
   * @throws InvalidRecordException when the name is not {@code yyyyMMdd_<symbol>_<kind>.csv}
   */
  static LeanFileName parse(Path file, String kind) {
    String name = file.getFileName().toString();
    Matcher matcher = INTRADAY.matcher(name);
    if (!matcher.matches() || !matcher.group(3).equalsIgnoreCase(kind)) {
      throw invalid(file, "is not yyyyMMdd_<symbol>_" + kind + ".csv");
    }
    try {
      LocalDate date = LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      return new LeanFileName(date, Symbol.of(matcher.group(2)));
    } catch (DateTimeParseException | InvalidRecordException e) {
      throw invalid(file, "does not start with a date yyyyMMdd and a symbol: " + e.getMessage());
    }
  }

  /** Whether a file name matches {@code yyyyMMdd_<symbol>_<kind>.csv}, ignoring case. */
  static boolean matches(String fileName, String kind) {
    Matcher matcher = INTRADAY.matcher(fileName);
    return matcher.matches() && matcher.group(3).equalsIgnoreCase(kind);
  }

  /**
   * The symbol of a per-symbol file such as Lean's {@code daily/aapl.csv} or Stooq's {@code
   * aapl.us.txt}: the file name up to the first of the given suffixes, upper-cased.
   *
   * @throws InvalidRecordException when the file name does not end with {@code suffix} or the rest
   *     is not a symbol
   */
  static Symbol symbolOfFile(Path file, String suffix) {
    String name = file.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(suffix) || name.length() == suffix.length()) {
      throw invalid(file, "is not <symbol>" + suffix);
    }
    return Symbol.of(name.substring(0, name.length() - suffix.length()));
  }

  private static InvalidRecordException invalid(Path file, String reason) {
    return new InvalidRecordException(
        "Cannot read file " + file + ": its name " + reason, RejectedRecord.WHOLE_RECORD, reason);
  }
}
