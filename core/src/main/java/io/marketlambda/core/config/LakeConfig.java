package io.marketlambda.core.config;

import io.marketlambda.core.lake.LakeLayout;
import java.util.List;
import java.util.Objects;

/**
 * Where the lake lives.
 *
 * @param layout every path of the lake, derived from {@code lake.root}
 */
public record LakeConfig(LakeLayout layout) {
  /** Root of the lake; a relative path is resolved against the working directory. */
  public static final ConfigKey<String> ROOT =
      ConfigKey.string(
          "lake.root",
          "work/lake",
          "Root of the lake: a local path or a file:, hdfs:// or abfss:// URI");

  /**
   * @throws NullPointerException when {@code layout} is null
   */
  public LakeConfig {
    Objects.requireNonNull(layout, "layout");
  }

  /**
   * Reads the lake config.
   *
   * @throws ConfigException naming {@code lake.root} and its value when it is not a usable root
   */
  public static LakeConfig from(Settings settings) {
    String root = settings.get(ROOT);
    try {
      return new LakeConfig(LakeLayout.of(root));
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalidValue(
          ROOT.name(), root, "is not a local path or a file:, hdfs:// or abfss:// URI", e);
    }
  }

  /** Returns every key this config reads. */
  public static List<ConfigKey<?>> keys() {
    return List.of(ROOT);
  }
}
