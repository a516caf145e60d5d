package io.marketlambda.localstack.server;

import io.marketlambda.localstack.LocalStackCommandLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The local-stack JVM: starts Kafka (KRaft), ZooKeeper, HDFS and HBase, writes their endpoints to a
 * file, and runs until its standard input ends or it receives SIGTERM / SIGINT.
 *
 * <p>Exit codes: 0 after a clean stop, 1 if a service cannot start, 2 for a bad command line.
 */
@Command(
    name = "local-stack",
    mixinStandardHelpOptions = true,
    description = {
      "Runs real Kafka (KRaft), ZooKeeper, HDFS and HBase in this JVM for tests and the demo.",
      "Stops on end of standard input (Ctrl-D), SIGTERM or Ctrl-C. A line on standard input is a",
      "control command for fault tests: stop|start hbase-regionserver, stop|start kafka."
    })
public final class LocalStackApplication implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(LocalStackApplication.class);

  @Mixin LocalStackCommandLine options;

  @Option(
      names = "--endpoints-file",
      paramLabel = "<file>",
      description = "Where to write the endpoints (default: <data-dir>/endpoints.properties).")
  Path endpointsFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalStackApplication()).execute(args));
  }

  @Option(
      names = "--ignore-interrupt",
      description =
          "Ignore SIGINT: for a child JVM whose parent stops it by closing its standard input. The"
              + " terminal's Ctrl-C reaches every process of its group, and the parent's own"
              + " jobs need the stack until they have stopped.")
  boolean ignoreInterrupt;

  @Override
  public Integer call() throws InterruptedException {
    if (ignoreInterrupt) {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    }
    Path data = options.dataDirectory();
    Path endpoints = endpointsFile != null ? endpointsFile : data.resolve("endpoints.properties");
    if (options.fresh()) {
      LocalStack.wipe(data);
    }
    long begin = System.nanoTime();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stopOnSignal(stopRequested, stopped), "local-stack-stop"));
    try (LocalStack stack =
        LocalStack.start(
            data,
            new LocalStack.Ports(
                options.kafkaPort(), options.zookeeperPort(), options.hdfsPort()))) {
      stack.endpoints().write(endpoints);
      log.info(
          "Local stack ready in {} ms; endpoints in {}",
          (System.nanoTime() - begin) / 1_000_000,
          endpoints);
      stack
          .endpoints()
          .asProperties()
          .forEach((key, value) -> System.out.println(key + "=" + value));
      System.out.flush();
      watchStandardInput(stack, stopRequested);
      stopRequested.await();
      log.info("Stopping local stack");
    } catch (RuntimeException e) {
      log.error("Cannot run the local stack: {}", e.toString(), e);
      return 1;
    } finally {
      stopped.countDown();
    }
    log.info("Local stack stopped");
    return 0;
  }

  /**
   * Reads standard input: each line is a control command ({@link LocalStack#control}, answered in
   * the log); its end stops the stack.
   */
  private static void watchStandardInput(LocalStack stack, CountDownLatch stopRequested) {
    Thread watcher =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.isBlank()) {
                    continue;
                  }
                  try {
                    long begin = System.nanoTime();
                    stack.control(line);
                    log.info(
                        "Control '{}' done in {} ms",
                        line,
                        (System.nanoTime() - begin) / 1_000_000);
                  } catch (RuntimeException e) {
                    log.warn("Control '{}' failed: {}", line, e.toString());
                  }
                }
              } catch (IOException e) {
                log.debug("Standard input failed: {}", e.toString());
              }
              stopRequested.countDown();
            },
            "local-stack-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void stopOnSignal(CountDownLatch stopRequested, CountDownLatch stopped) {
    stopRequested.countDown();
    try {
      stopped.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
