package io.marketlambda.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code main} of ours in a child JVM, on this JVM's class path and module flags, with its output
 * appended to a log file: a process a fault can kill with SIGKILL, as a cluster manager or the
 * kernel's OOM killer would.
 */
public final class ChildJvm implements AutoCloseable {
  private final Path log;
  private final Process process;

  private ChildJvm(Path log, Process process) {
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code mainClass} (one of our {@code main}s that read {@code --conf key=value}, such as
   * the speed layer's) with every setting as a {@code --conf}.
   *
   * @param heap the child's maximum heap, in {@code -Xmx} syntax, e.g. {@code 1g}
   * @param log where its standard output and error are appended
   * @throws IOException when the JVM cannot be started
   */
  public static ChildJvm startWithSettings(
      String mainClass, Map<String, String> settings, String heap, Path log) throws IOException {
    List<String> arguments = new ArrayList<>();
    settings.forEach(
        (key, value) -> {
          arguments.add("--conf");
          arguments.add(key + "=" + value);
        });
    return start(mainClass, arguments, heap, log);
  }

  /**
   * Starts {@code mainClass} with {@code arguments}.
   *
   * @param heap the child's maximum heap, in {@code -Xmx} syntax, e.g. {@code 1g}
   * @param log where its standard output and error are appended
   * @throws IOException when the JVM cannot be started
   */
  public static ChildJvm start(String mainClass, List<String> arguments, String heap, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens")
          || argument.startsWith("--add-exports")
          || argument.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || argument.startsWith("-Djdk.reflect")
          || argument.startsWith("-Dlog4j")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ChildJvm(log, process);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits for the JVM to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Its exit code once it ended within {@code timeout}; empty while it still runs. */
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** The child's WARN and ERROR lines with their stack frames, the last {@code lines}. */
  public String problems(int lines) {
    return problems(log, lines);
  }

  /** The WARN and ERROR lines of a child's log with their stack frames, the last {@code lines}. */
  public static String problems(Path log, int lines) {
    try (Stream<String> all = Files.lines(log)) {
      List<String> shown =
          all.filter(
                  line ->
                      line.contains(" WARN ")
                          || line.contains(" ERROR ")
                          || line.startsWith("\t")
                          || line.startsWith("Caused by"))
              .toList();
      return String.join("\n", shown.subList(Math.max(0, shown.size() - lines), shown.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
