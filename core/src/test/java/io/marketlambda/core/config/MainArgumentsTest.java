package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MainArgumentsTest {
  @TempDir Path directory;

  @Command(name = "job", mixinStandardHelpOptions = true)
  static final class Job {
    @Mixin SettingsOptions settings = new SettingsOptions();
  }

  @Test
  void readsTheSettingsOptions() throws Exception {
    Path file = Files.writeString(directory.resolve("a.properties"), "lake.root=/a\n");
    Job job = new Job();

    assertThat(
            MainArguments.parse(job, "--config", file.toString(), "--conf", "topics.partitions=6"))
        .isTrue();

    Settings settings = job.settings.settings();
    assertThat(settings.withPrefix("lake.")).containsEntry("lake.root", "/a");
    assertThat(settings.withPrefix("topics.")).containsEntry("topics.partitions", "6");
  }

  @Test
  void aBadArgumentIsAnIllegalArgumentNamingItWithTheUsage() {
    assertThatThrownBy(() -> MainArguments.parse(new Job(), "--stop", "now"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'--stop'")
        .hasMessageContaining("Usage: job");
    assertThatThrownBy(() -> MainArguments.parse(new Job(), "--conf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--conf");
  }

  @Test
  void helpAndVersionRunNothing() {
    assertThat(MainArguments.parse(new Job(), "--help")).isFalse();
    assertThat(MainArguments.parse(new Job(), "--version")).isFalse();
  }

  @Test
  void theDefaultFileIsReadOnlyWithoutConfigAndWhenItExists() throws Exception {
    Path defaults = Files.writeString(directory.resolve("endpoints.properties"), "lake.root=/d\n");
    Path other = Files.writeString(directory.resolve("other.properties"), "lake.root=/o\n");

    Job none = new Job();
    MainArguments.parse(none);
    SettingsOptions.Read read = none.settings.settingsOr(defaults);
    assertThat(read.defaultFileRead()).contains(defaults);
    assertThat(read.settings().withPrefix("lake.")).containsEntry("lake.root", "/d");

    Job given = new Job();
    MainArguments.parse(given, "--config", other.toString());
    read = given.settings.settingsOr(defaults);
    assertThat(read.defaultFileRead()).isEmpty();
    assertThat(read.settings().withPrefix("lake.")).containsEntry("lake.root", "/o");

    assertThat(none.settings.settingsOr(directory.resolve("absent")).settings().keys()).isEmpty();
  }
}
