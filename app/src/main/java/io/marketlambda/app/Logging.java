package io.marketlambda.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The command line's logging, on top of {@code conf/log4j2.xml}: {@code --verbose} (our loggers at
 * DEBUG), and a command's full log in a file of its own (the demo's in {@code work/demo/logs}),
 * which also gets each failure's stack trace.
 */
final class Logging {
  /** Events for the log file only: the console's appender filters them out. */
  static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

  /** The console appender's name in {@code conf/log4j2.xml}. */
  private static final String CONSOLE = "console";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private static volatile Path file;
  private static volatile boolean verbose;

  private Logging() {}

  /** {@code --verbose}: our loggers at DEBUG. */
  static void verbose() {
    verbose = true;
    Configurator.setLevel("io.marketlambda", Level.DEBUG);
  }

  /**
   * Appends every event, and the stack traces of failures, to a new file {@code
   * <command>-<yyyyMMdd-HHmmss>.log} in {@code directory}; the console then keeps warnings and
   * errors only (unless {@code --verbose}): the command prints its own steps and progress there.
   *
   * @return the file
   * @throws UncheckedIOException when the directory cannot be created
   */
  static Path logTo(Path directory, String command) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the log directory " + directory, e);
    }
    Path log =
        directory
            .resolve(command + "-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".log")
            .toAbsolutePath();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    FileAppender appender =
        FileAppender.newBuilder()
            .setName("file-" + command)
            .withFileName(log.toString())
            .setLayout(
                PatternLayout.newBuilder()
                    .withConfiguration(config)
                    .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c - %msg%n")
                    .build())
            .setConfiguration(config)
            .build();
    appender.start();
    config.addAppender(appender);
    LoggerConfig root = config.getRootLogger();
    root.addAppender(appender, null, null);
    Appender console = config.getAppender(CONSOLE);
    if (console != null && !verbose) {
      root.removeAppender(CONSOLE);
      root.addAppender(console, Level.WARN, null);
    }
    context.updateLoggers();
    file = log;
    return log;
  }

  /**
   * Takes the console off the log (unless {@code --verbose}) while a command tears down what it
   * started: each stopped query, killed task and cancelled job reports itself, which the log file
   * keeps.
   *
   * @return puts the console back at the level it had
   */
  static Runnable silenceConsole() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    Appender console = config.getAppender(CONSOLE);
    if (console == null || verbose) {
      return () -> {};
    }
    Level before =
        root.getAppenderRefs().stream()
            .filter(ref -> ref.getRef().equals(CONSOLE))
            .map(ref -> ref.getLevel())
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    root.removeAppender(CONSOLE);
    root.addAppender(console, Level.OFF, null);
    context.updateLoggers();
    return () -> {
      root.removeAppender(CONSOLE);
      root.addAppender(console, before, null);
      context.updateLoggers();
    };
  }

  /** The file this command logs to, if it has one. */
  static Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
