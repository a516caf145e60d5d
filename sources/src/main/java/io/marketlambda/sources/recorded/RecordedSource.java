package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of recorded market data this package reads, by the code used on the command line
 * ({@code marketlambda replay --source lean-tick --path ...}). Each opens the right reader for a
 * file, or for every matching file of a directory (not recursive) in file-name order, optionally
 * only those of one symbol. Files of a directory are read one after another, not merged by time.
 */
public enum RecordedSource {
  /** Lean trade ticks, {@code yyyyMMdd_<symbol>_Trade_Tick.csv}: {@link Quote}s. */
  LEAN_TICK(
      "lean-tick",
      Quote.class,
      name -> LeanFileName.matches(name, LeanTradeTickReader.KIND),
      file -> LeanFileName.parse(file, LeanTradeTickReader.KIND).symbol(),
      LeanTradeTickReader::open),
  /** Lean minute trade bars, {@code yyyyMMdd_<symbol>_minute_trade.csv}: 1m {@link Bar}s. */
  LEAN_MINUTE(
      "lean-minute",
      Bar.class,
      name -> LeanFileName.matches(name, LeanMinuteBarReader.KIND),
      file -> LeanFileName.parse(file, LeanMinuteBarReader.KIND).symbol(),
      LeanMinuteBarReader::open),
  /** Lean quote ticks, {@code yyyyMMdd_<symbol>_Quote_Tick.csv}: {@link BidAskTick}s. */
  LEAN_QUOTE_TICK(
      "lean-quote-tick",
      BidAskTick.class,
      name -> LeanFileName.matches(name, LeanQuoteTickReader.KIND),
      file -> LeanFileName.parse(file, LeanQuoteTickReader.KIND).symbol(),
      LeanQuoteTickReader::open),
  /** Lean minute quote bars, {@code yyyyMMdd_<symbol>_minute_quote.csv}: {@link BidAskBar}s. */
  LEAN_MINUTE_QUOTE(
      "lean-minute-quote",
      BidAskBar.class,
      name -> LeanFileName.matches(name, LeanQuoteBarReader.KIND),
      file -> LeanFileName.parse(file, LeanQuoteBarReader.KIND).symbol(),
      LeanQuoteBarReader::open),
  /**
   * Lean daily bars (raw prices), {@code <symbol>.csv}: 1d {@link Bar}s; rows before the listing in
   * the map file beside are rejected ({@link LeanDailyBarReader#openInLeanLayout}).
   */
  LEAN_DAILY(
      "lean-daily",
      Bar.class,
      name -> name.toLowerCase(Locale.ROOT).endsWith(".csv"),
      file -> LeanFileName.symbolOfFile(file, ".csv"),
      LeanDailyBarReader::openInLeanLayout),
  /** Stooq daily bars (adjusted prices), {@code <symbol>.us.txt}: 1d {@link Bar}s. */
  STOOQ_DAILY(
      "stooq-daily",
      Bar.class,
      name -> name.toLowerCase(Locale.ROOT).endsWith(StooqBarReader.SUFFIX),
      RecordedSource::stooqSymbol,
      StooqBarReader::openDaily),
  /** Stooq five-minute bars (Europe/Warsaw times), {@code <symbol>.us.txt}: 5m {@link Bar}s. */
  STOOQ_5MIN(
      "stooq-5min",
      Bar.class,
      name -> name.toLowerCase(Locale.ROOT).endsWith(StooqBarReader.SUFFIX),
      RecordedSource::stooqSymbol,
      StooqBarReader::openFiveMinute),
  /** Yahoo Finance daily history, {@code <symbol>.csv}: 1d {@link Bar}s. */
  YAHOO(
      "yahoo",
      Bar.class,
      name -> name.toLowerCase(Locale.ROOT).endsWith(".csv"),
      file -> LeanFileName.symbolOfFile(file, ".csv"),
      YahooBarReader::open);

  private final String code;
  private final Class<?> recordType;
  private final Predicate<String> fileName;
  private final Function<Path, Symbol> symbolOfFile;
  private final BiFunction<Path, Quarantine, RecordedReader<?>> opener;

  RecordedSource(
      String code,
      Class<?> recordType,
      Predicate<String> fileName,
      Function<Path, Symbol> symbolOfFile,
      BiFunction<Path, Quarantine, RecordedReader<?>> opener) {
    this.code = code;
    this.recordType = recordType;
    this.fileName = fileName;
    this.symbolOfFile = symbolOfFile;
    this.opener = opener;
  }

  /**
   * Returns the source for its code.
   *
   * @throws IllegalArgumentException when {@code code} is none of them; the message lists them
   */
  public static RecordedSource parse(String code) {
    for (RecordedSource source : values()) {
      if (source.code.equals(code)) {
        return source;
      }
    }
    String codes = Arrays.stream(values()).map(s -> s.code).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "Cannot parse recorded source: \"" + code + "\" is not one of " + codes);
  }

  /** The code used on the command line, e.g. {@code lean-tick}. */
  public String code() {
    return code;
  }

  /**
   * The type of record read: {@link Quote}, {@link Bar}, {@link BidAskTick} or {@link BidAskBar}.
   */
  public Class<?> recordType() {
    return recordType;
  }

  /**
   * Returns the files to read: {@code path} itself when it is a file, otherwise the directory's
   * files whose names match this source, sorted by name.
   *
   * @throws UncheckedIOException when {@code path} does not exist or the directory cannot be listed
   */
  public List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new UncheckedIOException(
          "Cannot read " + code + " " + path + ": not found",
          new NoSuchFileException(path.toString()));
    }
    try (Stream<Path> listing = Files.list(path)) {
      return listing
          .filter(Files::isRegularFile)
          .filter(file -> fileName.test(file.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + code + " files in " + path, e);
    }
  }

  /** Returns {@link #files(Path)} of one symbol only (by file name, ignoring case). */
  public List<Path> files(Path path, Symbol symbol) {
    return files(path).stream().filter(file -> symbol.equals(symbolOf(file))).toList();
  }

  /**
   * Opens the records of a file or directory.
   *
   * @param type {@link #recordType()}
   * @throws IllegalArgumentException when this source holds another type of record
   * @throws UncheckedIOException when {@code path} does not exist or holds no matching file
   */
  public <T> RecordedReader<T> open(Class<T> type, Path path, Quarantine quarantine) {
    return open(type, path, files(path), quarantine);
  }

  /** Like {@link #open(Class, Path, Quarantine)}, for the files of one symbol only. */
  public <T> RecordedReader<T> open(
      Class<T> type, Path path, Symbol symbol, Quarantine quarantine) {
    return open(type, path, files(path, symbol), quarantine);
  }

  /** {@code open(Quote.class, path, quarantine)}, for {@link #LEAN_TICK}. */
  public RecordedReader<Quote> openQuotes(Path path, Quarantine quarantine) {
    return open(Quote.class, path, quarantine);
  }

  /** {@code open(Quote.class, path, symbol, quarantine)}, for {@link #LEAN_TICK}. */
  public RecordedReader<Quote> openQuotes(Path path, Symbol symbol, Quarantine quarantine) {
    return open(Quote.class, path, symbol, quarantine);
  }

  /** {@code open(Bar.class, path, quarantine)}, for the sources of {@link Bar}s. */
  public RecordedReader<Bar> openBars(Path path, Quarantine quarantine) {
    return open(Bar.class, path, quarantine);
  }

  /** {@code open(Bar.class, path, symbol, quarantine)}, for the sources of {@link Bar}s. */
  public RecordedReader<Bar> openBars(Path path, Symbol symbol, Quarantine quarantine) {
    return open(Bar.class, path, symbol, quarantine);
  }

  @SuppressWarnings("unchecked")
  private <T> RecordedReader<T> open(
      Class<T> type, Path path, List<Path> files, Quarantine quarantine) {
    if (type != recordType) {
      throw new IllegalArgumentException(
          "Cannot open "
              + type.getSimpleName()
              + "s from "
              + code
              + ": it holds "
              + recordType.getSimpleName()
              + "s");
    }
    if (files.isEmpty()) {
      throw new UncheckedIOException(
          "Cannot read " + code + " " + path + ": no matching file",
          new NoSuchFileException(path.toString()));
    }
    Function<Path, RecordedReader<T>> single =
        file -> (RecordedReader<T>) opener.apply(file, quarantine);
    if (files.size() == 1 && files.get(0).equals(path)) {
      return single.apply(path);
    }
    return new ConcatenatedReader<>(path.toString(), files, single);
  }

  private Symbol symbolOf(Path file) {
    try {
      return symbolOfFile.apply(file);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Symbol stooqSymbol(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".txt") ? name.substring(0, name.length() - ".txt".length()) : name;
    return StooqBarReader.symbolOf(stem);
  }
}
