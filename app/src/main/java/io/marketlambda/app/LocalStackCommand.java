package io.marketlambda.app;

import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    description = {
      "Runs real Kafka, ZooKeeper, HDFS and HBase locally, in a JVM of their own.",
      "Prints the endpoints and writes them to <data-dir>/endpoints.properties,",
      "a config file other commands accept.",
      "Stops on Ctrl-C, Ctrl-D or SIGTERM; data survives restarts (--fresh wipes it)."
    })
final class LocalStackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      defaultValue = "work/local-stack",
      description = "Where the services keep their data (default: ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @Option(names = "--fresh", description = "Wipe the services' data before starting.")
  boolean fresh;

  @Option(
      names = "--kafka-port",
      paramLabel = "<port>",
      defaultValue = "9092",
      description =
          "Kafka client port; the controller takes the next one; 0 = free ports (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "<port>",
      defaultValue = "2181",
      description = "ZooKeeper client port, 0 = a free one (default: ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(
      names = "--hdfs-port",
      paramLabel = "<port>",
      defaultValue = "8020",
      description = "HDFS NameNode RPC port, 0 = a free one (default: ${DEFAULT-VALUE}).")
  int hdfsPort;

  @Option(
      names = "--heap",
      paramLabel = "<size>",
      defaultValue = "1g",
      description = "Maximum heap of the local-stack JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--start-timeout",
      paramLabel = "<duration>",
      defaultValue = "PT3M",
      description = "How long to wait for every service, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration startTimeout;

  @Override
  public Integer call() throws InterruptedException {
    LocalStackProcess stack = LocalStackProcess.start(options());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
    spec.commandLine()
        .getErr()
        .printf(
            "Local stack running (pid %d). Endpoints: %s%nPress Ctrl-C or Ctrl-D to stop.%n",
            stack.pid(), dataDirectory.resolve("endpoints.properties"));
    return stack.waitForExit();
  }

  private LocalStackOptions options() {
    try {
      return new LocalStackOptions(
          dataDirectory,
          fresh,
          kafkaPort,
          zookeeperPort,
          hdfsPort,
          Optional.empty(),
          heap,
          startTimeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
