package io.marketlambda.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakeConfigTest {
  @Test
  void pinsKeysAndDefaults() {
    assertThat(LakeConfig.ROOT.name()).isEqualTo("lake.root");
    assertThat(LakeConfig.ROOT.defaultValue()).contains("work/lake");
    assertThat(LakeConfig.keys()).containsExactly(LakeConfig.ROOT);
  }

  @Test
  void defaultRootIsWorkLakeUnderTheWorkingDirectory() {
    URI root = LakeConfig.from(Settings.empty()).layout().root();

    assertThat(root.getScheme()).isEqualTo("file");
    assertThat(Path.of(root)).isEqualTo(Path.of(System.getProperty("user.dir"), "work", "lake"));
  }

  @Test
  void readsAnHdfsRoot() {
    Settings settings = Settings.empty().withOverrides(List.of("lake.root=hdfs://nn:8020/lake/"));

    assertThat(LakeConfig.from(settings).layout().root())
        .isEqualTo(URI.create("hdfs://nn:8020/lake"));
  }

  @Test
  void badRootNamesKeyAndValue() {
    Settings settings = Settings.of(Map.of("lake.root", "s3a://bucket/lake"));

    assertThatThrownBy(() -> LakeConfig.from(settings))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("lake.root");
              assertThat(e.value()).contains("s3a://bucket/lake");
            })
        .hasMessage(
            "Cannot read config key 'lake.root': value 's3a://bucket/lake' is not a local path"
                + " or a file:, hdfs:// or abfss:// URI")
        .hasRootCauseMessage(
            "Cannot use lake.root 's3a://bucket/lake': scheme 's3a' is not one of [file, hdfs, abfss]");
  }
}
