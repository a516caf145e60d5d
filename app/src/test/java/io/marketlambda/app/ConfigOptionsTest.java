package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {
  @TempDir Path directory;

  @Command(name = "job")
  static final class Job {
    @Mixin ConfigOptions config;
  }

  private Settings parse(String... args) {
    Job job = new Job();
    new CommandLine(job).parseArgs(args);
    return job.config.settings();
  }

  @Test
  void laterFilesWinAndOverridesWinOverFiles() throws Exception {
    Path first =
        Files.writeString(directory.resolve("a.properties"), "lake.root=/a\ntopics.partitions=3\n");
    Path second = Files.writeString(directory.resolve("b.properties"), "topics.partitions=6\n");

    Settings settings =
        parse(
            "--config", first.toString(),
            "--config", second.toString(),
            "--conf", "lake.root=/override");

    assertThat(settings.keys()).containsExactlyInAnyOrder("lake.root", "topics.partitions");
    assertThat(settings.withPrefix("topics.")).containsEntry("topics.partitions", "6");
    assertThat(settings.withPrefix("lake.")).containsEntry("lake.root", "/override");
  }

  @Test
  void aMissingConfigFileFailsNamingIt() {
    Path missing = directory.resolve("missing.properties");

    assertThatThrownBy(() -> parse("--config", missing.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aMalformedOverrideFailsNamingIt() {
    assertThatThrownBy(() -> parse("--conf", "topics.partitions"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.partitions");
  }
}
