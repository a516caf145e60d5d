package io.marketlambda.app;

import io.marketlambda.localstack.LocalStackCommandLine;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda local-stack}: runs the local stack in the foreground, in a JVM of its own,
 * until Ctrl-C, end of input (Ctrl-D) or SIGTERM.
 */
@Command(
    name = "local-stack",
    mixinStandardHelpOptions = true,
    header = "Runs real Kafka, ZooKeeper, HDFS and HBase locally, in a JVM of their own.",
    description = {
      "Prints the endpoints and writes them to <data-dir>/endpoints.properties,",
      "a config file other commands accept.",
      "Stops on Ctrl-C, Ctrl-D or SIGTERM; data survives restarts (--fresh wipes it)."
    })
final class LocalStackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LocalStackCommandLine stack;

  @Option(
      names = "--heap",
      paramLabel = "<size>",
      defaultValue = "1g",
      description = "Maximum heap of the local-stack JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--start-timeout",
      paramLabel = "<duration>",
      defaultValue = "3m",
      description = "How long to wait for every service (default: ${DEFAULT-VALUE}).")
  Duration startTimeout;

  @Override
  public Integer call() throws InterruptedException {
    LocalStackProcess process = LocalStackProcess.start(options());
    Runtime.getRuntime().addShutdownHook(new Thread(process::close, "local-stack-stop"));
    spec.commandLine()
        .getErr()
        .printf(
            "Local stack running (pid %d). Endpoints: %s%nPress Ctrl-C or Ctrl-D to stop.%n",
            process.pid(), stack.dataDirectory().resolve("endpoints.properties"));
    return process.waitForExit();
  }

  private LocalStackOptions options() {
    try {
      return new LocalStackOptions(
          stack.dataDirectory(),
          stack.fresh(),
          stack.kafkaPort(),
          stack.zookeeperPort(),
          stack.hdfsPort(),
          Optional.empty(),
          heap,
          startTimeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
