package io.marketlambda.speed.bench;

import io.marketlambda.core.bench.ChildJvm;
import io.marketlambda.speed.SpeedApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link SpeedApplication} in a child JVM ({@link ChildJvm}): a speed layer that can be killed with
 * SIGKILL.
 */
public final class SpeedProcess {
  private SpeedProcess() {}

  /**
   * Starts the speed layer.
   *
   * @param settings every setting, passed as {@code --conf key=value}
   * @param heap the child's maximum heap, in {@code -Xmx} syntax
   * @param log where its output is appended
   * @throws IOException when the JVM cannot be started
   */
  public static ChildJvm start(Map<String, String> settings, String heap, Path log)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    settings.forEach(
        (key, value) -> {
          arguments.add("--conf");
          arguments.add(key + "=" + value);
        });
    return ChildJvm.start(SpeedApplication.class.getName(), arguments, heap, log);
  }
}
