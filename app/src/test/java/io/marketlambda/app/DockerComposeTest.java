package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.speed.stream.SpeedConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml checked without a Docker engine: the files it names exist, host ports are
 * unique, and every setting given to our services is a key the code reads (or a client setting
 * passed through by prefix).
 */
class DockerComposeTest {
  private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
  private static final List<String> PASS_THROUGH = List.of("kafka.", "hbase.", "spark.");

  private final Map<String, Map<String, Object>> services = services();

  @Test
  void everyReferencedFileExists() {
    for (var service : services.entrySet()) {
      Map<String, Object> definition = service.getValue();
      if (definition.get("build") instanceof Map<?, ?> build) {
        Path context = DOCKER.resolve((String) build.get("context")).normalize();
        assertThat(context).as(service.getKey()).isDirectory();
        assertThat(context.resolve((String) build.get("dockerfile")))
            .as(service.getKey())
            .isRegularFile();
      }
      if (definition.get("env_file") instanceof String envFile) {
        assertThat(DOCKER.resolve(envFile)).as(service.getKey()).isRegularFile();
      }
      for (String volume : strings(definition.get("volumes"))) {
        Path source = DOCKER.resolve(volume.split(":")[0]).normalize();
        // A build output (target/) exists after ./mvnw package; its module must exist.
        assertThat(source.endsWith("target") ? source.getParent() : source)
            .as(service.getKey() + " " + volume)
            .exists();
      }
    }
    assertThat(services).containsKeys("kafka", "namenode", "hbase", "speed", "serving", "batch");
  }

  @Test
  void hostPortsDoNotClash() {
    List<String> hostPorts = new ArrayList<>();
    services
        .values()
        .forEach(s -> strings(s.get("ports")).forEach(p -> hostPorts.add(p.split(":")[0])));

    assertThat(hostPorts).doesNotHaveDuplicates();
    assertThat(hostPorts)
        .containsExactlyInAnyOrder(
            "9092", "9870", "16010", "2181", "7077", "8080", "8081", "8090", "9090", "3000");
  }

  @Test
  void settingsGivenToOurServicesAreKeysTheCodeReads() throws IOException {
    Set<String> known = new HashSet<>();
    Stream.of(
            LakeConfig.keys(),
            TopicsConfig.keys(),
            HBaseViewsConfig.keys(),
            SpeedConfig.keys(),
            BatchConfig.keys(),
            ServingConfig.keys())
        .flatMap(List::stream)
        .map(ConfigKey::name)
        .forEach(known::add);
    List<String> settings =
        new ArrayList<>(Settings.load(DOCKER.resolve("conf/marketlambda.properties")).keys());
    services.values().forEach(s -> settings.addAll(confKeys(strings(s.get("command")))));

    assertThat(settings).contains("lake.root", "serving.http.port", "speed.metrics-port");
    for (String key : settings) {
      assertThat(known.contains(key) || PASS_THROUGH.stream().anyMatch(key::startsWith))
          .as("config key %s", key)
          .isTrue();
    }
  }

  @Test
  void prometheusScrapesTheSpeedLayersMetricsPortAndServingPublishesItsHttpPort()
      throws IOException {
    String prometheus = Files.readString(DOCKER.resolve("prometheus/prometheus.yml"));
    List<String> speed = strings(services.get("speed").get("command"));
    assertThat(prometheus).contains("speed:" + confValue(speed, SpeedConfig.METRICS_PORT.name()));

    String port =
        confValue(strings(services.get("serving").get("command")), ServingConfig.PORT.name());
    assertThat(strings(services.get("serving").get("ports"))).contains(port + ":" + port);
  }

  private static List<String> confKeys(List<String> command) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i + 1 < command.size(); i++) {
      if (command.get(i).equals("--conf")) {
        keys.add(command.get(i + 1).substring(0, command.get(i + 1).indexOf('=')));
      }
    }
    return keys;
  }

  private static String confValue(List<String> command, String key) {
    return command.stream()
        .filter(arg -> arg.startsWith(key + "="))
        .map(arg -> arg.substring(key.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no --conf " + key + " in " + command));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null
        ? List.of()
        : ((List<Object>) value).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    try (Reader reader = Files.newBufferedReader(DOCKER.resolve("compose.yaml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
