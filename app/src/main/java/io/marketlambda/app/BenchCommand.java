package io.marketlambda.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench}: benchmarks that print figures next to a bare baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Benchmarks; each figure is printed next to a bare baseline measured in the same run.",
    subcommands = {
      BenchIngestCommand.class,
      BenchSpeedCommand.class,
      BenchBatchCommand.class,
      BenchServingCommand.class,
      BenchFaultsCommand.class
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("marketlambda bench: missing benchmark");
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }

  /** {@code --data-dir}, which every benchmark reads its recorded data from. */
  static final class DataDirOption {
    @Option(
        names = "--data-dir",
        paramLabel = "<dir>",
        defaultValue = "../shared/data",
        description = "The shared market data (default: ${DEFAULT-VALUE}).")
    Path directory;
  }
}
