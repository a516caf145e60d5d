package io.marketlambda.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * {@code marketlambda demo} run in this JVM for the demo ITs: the bundled data, free ports for the
 * API and the local stack, standard output and error collected in {@link #output}.
 */
final class DemoUnderTest {
  final int port;
  final StringWriter output = new StringWriter();
  final CompletableFuture<Integer> exit;

  private DemoUnderTest(int port, List<String> arguments) {
    this.port = port;
    this.exit =
        CompletableFuture.supplyAsync(
            () -> {
              CommandLine commandLine = MarketLambdaApplication.commandLine();
              PrintWriter writer = new PrintWriter(output, true);
              commandLine.setOut(writer);
              commandLine.setErr(writer);
              return commandLine.execute(arguments.toArray(String[]::new));
            });
  }

  /** Starts the demo with {@code options} (e.g. {@code --duration 90}) besides data and ports. */
  static DemoUnderTest start(String... options) {
    int port = freePort();
    List<String> arguments = new ArrayList<>(List.of("demo", "--data-dir", "../data"));
    arguments.addAll(List.of(options));
    arguments.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--kafka-port",
            "0",
            "--zookeeper-port",
            "0",
            "--hdfs-port",
            "0"));
    return new DemoUnderTest(port, arguments);
  }

  /** The HTTP API's base URL. */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port", e);
    }
  }
}
