package io.marketlambda.serving;

import io.marketlambda.core.config.MainArguments;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.SettingsOptions;
import io.marketlambda.serving.api.HttpApi;
import io.marketlambda.serving.client.ServingClient;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The serving layer's process: one HBase connection, the merged views and the HTTP API until the
 * JVM is asked to stop.
 *
 * <p>Usage: {@code ServingApplication [--config file.properties]... [--conf key=value]...}; the
 * CLI's {@code marketlambda serve} is the same with the local stack's endpoints filled in. A bad
 * argument throws {@link IllegalArgumentException} naming it, {@code --help} prints the usage.
 */
public final class ServingApplication implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServingApplication.class);

  private final ServingClient client;
  private final HttpApi api;
  private final int port;

  private ServingApplication(ServingClient client, HttpApi api, int port) {
    this.client = client;
    this.api = api;
    this.port = port;
  }

  /**
   * Connects to HBase and starts the HTTP API.
   *
   * @throws IllegalArgumentException when the API keys file is missing or empty
   * @throws java.io.UncheckedIOException when HBase cannot be reached
   * @throws io.marketlambda.core.config.ConfigException naming a bad key and value
   */
  public static ServingApplication start(Settings settings) {
    ServingConfig config = ServingConfig.from(settings);
    ServingClient client = ServingClient.connect(config);
    try {
      HttpApi api = new HttpApi(client.views(), client::checkReachable, config, Clock.systemUTC());
      int port = api.start();
      log.info("Serving layer listening on http://{}:{}/", config.host(), port);
      return new ServingApplication(client, api, port);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The port the HTTP API listens on. */
  public int port() {
    return port;
  }

  /** Requests the HTTP API has answered. */
  public long requestsServed() {
    return api.requestsServed();
  }

  @Override
  public void close() {
    api.close();
    client.close();
  }

  public static void main(String[] args) throws InterruptedException {
    Arguments arguments = new Arguments();
    if (MainArguments.parse(arguments, args)) {
      serveUntilStopped(arguments.settings.settings(), port -> {});
    }
  }

  /** The command line, read by picocli: the settings. */
  @Command(
      name = "ServingApplication",
      mixinStandardHelpOptions = true,
      header = "Runs the serving layer: the HTTP API and chart over the batch and realtime views.",
      description = "bin/marketlambda serve is the same from the command line.")
  static final class Arguments {
    @Mixin SettingsOptions settings = new SettingsOptions();
  }

  /**
   * Starts the serving layer and blocks until the JVM shuts down (Ctrl-C, SIGTERM), then closes it.
   *
   * @param onStarted called with the HTTP port once it listens
   */
  public static void serveUntilStopped(Settings settings, java.util.function.IntConsumer onStarted)
      throws InterruptedException {
    ServingApplication app = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "serving-stop"));
    onStarted.accept(app.port());
    stopped.await();
  }
}
