package io.marketlambda.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stack running in a JVM process of its own: a KRaft Kafka broker, ZooKeeper, HDFS and
 * HBase, started by {@code io.marketlambda.localstack.server.LocalStackApplication}.
 *
 * <p>The child keeps its own class path, so the caller's class path stays exactly what it is under
 * {@code spark-submit}, and a test can kill the child without killing itself. The child stops
 * cleanly when its standard input ends: if the parent dies, the pipe closes and the stack goes with
 * it.
 *
 * <p>The child's class path comes from, in order: the system property {@value
 * #CLASSPATH_FILE_PROPERTY} (a file holding a class path, written by the build of the local-stack
 * server module), or the directory named by the system property {@value #LIB_PROPERTY} or the
 * environment variable {@value #LIB_ENVIRONMENT} (the distribution's {@code lib/local-stack}).
 */
public final class LocalStackProcess implements AutoCloseable {
  public static final String CLASSPATH_FILE_PROPERTY = "marketlambda.local-stack.classpath-file";
  public static final String LIB_PROPERTY = "marketlambda.local-stack.lib";
  public static final String LIB_ENVIRONMENT = "MARKETLAMBDA_LOCAL_STACK_LIB";
  static final String MAIN_CLASS = "io.marketlambda.localstack.server.LocalStackApplication";
  static final String ENDPOINTS_FILE_NAME = "endpoints.properties";
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(LocalStackProcess.class);

  private final Process process;
  private final LocalStackOptions options;
  private final LocalStackEndpoints endpoints;

  private LocalStackProcess(
      Process process, LocalStackOptions options, LocalStackEndpoints endpoints) {
    this.process = process;
    this.options = options;
    this.endpoints = endpoints;
  }

  /**
   * Starts the local stack and waits until every service accepts clients.
   *
   * @throws IllegalStateException if the child exits or does not publish its endpoints within
   *     {@link LocalStackOptions#startTimeout()}; the message carries the tail of its log
   * @throws UncheckedIOException if the child cannot be started
   */
  public static LocalStackProcess start(LocalStackOptions options) {
    Path endpointsFile = options.dataDirectory().resolve(ENDPOINTS_FILE_NAME);
    List<String> command = command(options, endpointsFile);
    ProcessBuilder builder = new ProcessBuilder(command);
    options
        .logFile()
        .ifPresentOrElse(
            logFile -> {
              createParent(logFile);
              builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
            },
            builder::inheritIO);
    Instant started = Instant.now();
    try {
      Files.createDirectories(options.dataDirectory());
      Files.deleteIfExists(endpointsFile);
      log.info("Starting local stack in {} (data in {})", MAIN_CLASS, options.dataDirectory());
      Process process = builder.start();
      LocalStackEndpoints endpoints = awaitEndpoints(process, options, endpointsFile);
      log.info(
          "Local stack up in {} ms (pid {}): {}",
          Duration.between(started, Instant.now()).toMillis(),
          process.pid(),
          endpoints.asProperties());
      return new LocalStackProcess(process, options, endpoints);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start local stack: " + command.get(0), e);
    }
  }

  /** Where the services listen. */
  public LocalStackEndpoints endpoints() {
    return endpoints;
  }

  /** The operating-system process id of the local-stack JVM. */
  public long pid() {
    return process.pid();
  }

  /**
   * Sends a control command to the local stack for fault-injection tests ({@code stop|start
   * hbase-regionserver}, {@code stop|start kafka}); returns once it is written. The stack logs when
   * the command is done.
   *
   * @throws IllegalStateException when the stack shares the caller's terminal (no log file), so its
   *     standard input is not ours
   * @throws UncheckedIOException when the stack no longer reads its input
   */
  public synchronized void control(String command) {
    if (options.logFile().isEmpty()) {
      throw new IllegalStateException(
          "Cannot send '" + command + "': this local stack reads the terminal, not our input");
    }
    try {
      OutputStream input = process.getOutputStream();
      input.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send '" + command + "' to the local stack", e);
    }
  }

  /** Blocks until the local stack exits, and returns its exit code. */
  public int waitForExit() throws InterruptedException {
    return process.waitFor();
  }

  /**
   * Stops the local stack: ends its standard input (or sends SIGTERM when it shares the caller's
   * terminal), waits up to 60 s for a clean stop, then kills it.
   */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      if (options.logFile().isPresent()) {
        process.getOutputStream().close();
      } else {
        process.destroy();
      }
      if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("Local stack did not stop within {}; killing pid {}", GRACEFUL_STOP, pid());
        process.destroyForcibly().waitFor();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static List<String> command(LocalStackOptions options, Path endpointsFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.heap());
    command.addAll(jvmFlags());
    command.add("-cp");
    command.add(classpath());
    command.add(MAIN_CLASS);
    command.addAll(
        List.of(
            "--data-dir", options.dataDirectory().toString(),
            "--endpoints-file", endpointsFile.toString(),
            "--kafka-port", Integer.toString(options.kafkaPort()),
            "--zookeeper-port", Integer.toString(options.zookeeperPort()),
            "--hdfs-port", Integer.toString(options.hdfsPort())));
    if (options.fresh()) {
      command.add("--fresh");
    }
    if (options.logFile().isPresent()) {
      // Its standard input is our pipe, which close() ends: a Ctrl-C in our terminal is ours to
      // handle, and stops this stack only after whatever of ours still uses it.
      command.add("--ignore-interrupt");
    }
    return List.copyOf(command);
  }

  /** The JDK 17 flags Spark's launcher uses, from the build's single definition. */
  static List<String> jvmFlags() {
    try (InputStream in = LocalStackProcess.class.getResourceAsStream("jvm-flags.txt")) {
      if (in == null) {
        throw new IllegalStateException("Cannot find resource jvm-flags.txt next to " + MAIN_CLASS);
      }
      String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Arrays.stream(flags.split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource jvm-flags.txt", e);
    }
  }

  static String classpath() {
    String classpathFile = System.getProperty(CLASSPATH_FILE_PROPERTY);
    if (classpathFile != null) {
      try {
        return Files.readString(Path.of(classpathFile)).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read local stack class path file "
                + classpathFile
                + " (set by "
                + CLASSPATH_FILE_PROPERTY
                + "); build the local-stack server module first: ./mvnw package -pl"
                + " local-stack/server -am",
            e);
      }
    }
    String lib = System.getProperty(LIB_PROPERTY, System.getenv(LIB_ENVIRONMENT));
    if (lib == null) {
      throw new IllegalStateException(
          "Cannot find the local stack's jars: set "
              + LIB_ENVIRONMENT
              + " to the distribution's lib/local-stack directory, or "
              + CLASSPATH_FILE_PROPERTY
              + " to a class path file");
    }
    return Path.of(lib).resolve("*").toString();
  }

  private static LocalStackEndpoints awaitEndpoints(
      Process process, LocalStackOptions options, Path endpointsFile) {
    Instant deadline = Instant.now().plus(options.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(endpointsFile)) {
        return LocalStackEndpoints.read(endpointsFile);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Cannot start local stack: its JVM exited with code "
                + process.exitValue()
                + logTail(options));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting the local stack", e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "Cannot start local stack: no endpoints within "
            + options.startTimeout()
            + logTail(options));
  }

  private static String logTail(LocalStackOptions options) {
    return options
        .logFile()
        .map(
            logFile -> {
              try {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                List<String> tail = lines.subList(Math.max(0, lines.size() - 40), lines.size());
                return "; last lines of " + logFile + ":\n" + String.join("\n", tail);
              } catch (IOException e) {
                return "; see " + logFile;
              }
            })
        .orElse("");
  }

  private static void createParent(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create directory for " + file, e);
    }
  }
}
