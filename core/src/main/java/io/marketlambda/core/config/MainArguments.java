package io.marketlambda.core.config;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads the command line of a {@code main} that runs under {@code spark-submit}, Oozie's Spark
 * action or a Databricks JAR task into a picocli-annotated object. Such a {@code main} must never
 * call {@code System.exit} (Databricks fails the run), so this never exits: {@code --help} prints
 * the usage and returns {@code false}, a bad argument throws.
 */
public final class MainArguments {
  private MainArguments() {}

  /**
   * Parses {@code args} into {@code command}'s fields.
   *
   * @param command an object whose class is annotated with picocli's {@code @Command} and whose
   *     fields carry {@code @Option}, {@code @Parameters} and {@code @Mixin}
   * @return {@code true} to run; {@code false} when {@code --help} or {@code --version} was asked
   *     for and printed to standard output
   * @throws IllegalArgumentException naming the argument and value at fault (picocli's message),
   *     followed by the usage
   */
  public static boolean parse(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    try {
      commandLine.parseArgs(args);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(
          e.getMessage() + System.lineSeparator() + commandLine.getUsageMessage(), e);
    }
    if (commandLine.isUsageHelpRequested()) {
      commandLine.usage(System.out);
      return false;
    }
    if (commandLine.isVersionHelpRequested()) {
      commandLine.printVersionHelp(System.out);
      return false;
    }
    return true;
  }
}
