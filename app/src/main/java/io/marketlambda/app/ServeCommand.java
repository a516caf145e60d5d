package io.marketlambda.app;

import io.marketlambda.serving.ServingApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marketlambda serve}: the serving layer's HTTP API and chart page. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Runs the serving layer: an HTTP API and chart over the batch and realtime views.",
    description = {
      "Runs the serving layer: batch views (HBase serving copy) merged with the realtime views at",
      "each symbol's batch watermark, as an HTTP JSON API (OpenAPI at /openapi.json) and a chart",
      "page at /. Keys: serving.http.host (127.0.0.1), serving.http.port (8080),",
      "serving.api-keys-file (work/serving/api-keys, one key per line), serving.rate-limit (50/s",
      "per key). Runs until Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    ServingApplication.serveUntilStopped(
        config.settings(),
        port ->
            spec.commandLine()
                .getErr()
                .printf(
                    "Serving on http://localhost:%d/ (OpenAPI at /openapi.json); Ctrl-C stops.%n",
                    port));
    return 0;
  }
}
