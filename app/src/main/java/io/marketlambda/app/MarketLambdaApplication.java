package io.marketlambda.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code marketlambda} command line: the composition root that wires configuration to the
 * layers. Each subcommand is a thin {@code main} of one job or service.
 *
 * <p>Exit codes: 0 success, 1 the command failed (the message says why), 2 bad command line.
 */
@Command(
    name = "marketlambda",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    resourceBundle = "io.marketlambda.app.Usage",
    description = {
      "A lambda architecture for stock-market data on the Hadoop ecosystem:",
      "Kafka -> Spark Structured Streaming -> HBase realtime views (speed layer),",
      "nightly Spark recompute into Delta bronze/silver/gold (batch layer),",
      "and a serving layer that merges both at each symbol's batch watermark."
    },
    subcommands = {
      LocalStackCommand.class,
      IngestCommand.class,
      ReplayCommand.class,
      SpeedCommand.class,
      ImportCommand.class,
      LandCommand.class,
      BatchCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      QueryCommand.class,
      DemoCommand.class,
      OozieCommand.class,
      LayoutCommand.class,
      ConfigCommand.class,
      DoctorCommand.class,
      CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  the command failed; the message says why",
      "  2  bad command line"
    })
public final class MarketLambdaApplication implements Callable<Integer> {
  static final int EXIT_FAILURE = 1;
  private static final int USAGE_WIDTH = 100;
  private static final Logger log = LoggerFactory.getLogger(MarketLambdaApplication.class);

  @Spec CommandSpec spec;

  @CommandLine.Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Our loggers at DEBUG, and a failure's stack trace besides its message.")
  void setVerbose(boolean on) {
    verbose = on;
    if (on) {
      Logging.verbose();
    }
  }

  private boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, with errors reported as one line instead of a stack trace. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new MarketLambdaApplication());
    commandLine.setUsageHelpWidth(USAGE_WIDTH);
    // One duration format in every command, as config files write it (picocli registers it on
    // every subcommand already added, which the annotations did).
    commandLine.registerConverter(java.time.Duration.class, new DurationConverter());
    commandLine.setExecutionExceptionHandler(MarketLambdaApplication::reportFailure);
    commandLine.setParameterExceptionHandler(MarketLambdaApplication::reportBadCommandLine);
    // picocli's own command, with a one-line header like every other command; left out of the
    // command list (its long name would squeeze every summary), shown in the README.
    CommandLine completion = commandLine.getSubcommands().get("generate-completion");
    completion
        .getCommandSpec()
        .usageMessage()
        .hidden(true)
        .header("Prints a bash/zsh completion script: source <(marketlambda generate-completion).");
    return commandLine;
  }

  /** Without a subcommand: say what is missing and show the commands. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("marketlambda: missing command");
    spec.commandLine().usage(err);
    return spec.exitCodeOnInvalidInput();
  }

  private static int reportFailure(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String command = commandLine.getCommandSpec().qualifiedName();
    log.error(Logging.FILE_ONLY, "{} failed", command, failure);
    PrintWriter err = commandLine.getErr();
    err.println(
        command
            + ": "
            + describe(failure)
            + Logging.file().map(file -> " (log: " + file + ")").orElse(""));
    CommandLine root = commandLine;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    if (root.getCommand() instanceof MarketLambdaApplication application && application.verbose) {
      failure.printStackTrace(err);
    }
    return EXIT_FAILURE;
  }

  /** One line naming what is wrong, suggestions for a typo, and where help is; no usage dump. */
  private static int reportBadCommandLine(CommandLine.ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    err.println(command + ": " + failure.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
    err.println("Try '" + command + " --help' for more information.");
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
