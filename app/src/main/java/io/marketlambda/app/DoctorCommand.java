package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda doctor}: checks what the jobs need ({@link Doctor}), as an operator would
 * before a run or after an alert. Kafka (brokers, topics), HBase (the realtime views' tables), the
 * lake (its root and tables), the last batch run the serving copy holds (run date, batch
 * watermarks), and the speed layer's lag (records between each query's last checkpointed offsets
 * and the topics' ends). Each check is one line, {@code ok}, {@code warn} or {@code FAIL}; exit 1
 * when one failed.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Checks Kafka, HBase, the lake, the last batch run and the speed layer's lag.",
    description = {
      "One line per check: ok, warn (works, but something is missing or behind) or FAIL.",
      "Reads the same settings as the jobs (--config, --conf; by default the local stack's).",
      "Exits 1 when a check failed."
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    List<Doctor.Check> checks = Doctor.run(settings);
    for (Doctor.Check check : checks) {
      out.printf(Locale.ROOT, "%-5s %-12s %s%n", check.status().text, check.what(), check.detail());
    }
    long failed = checks.stream().filter(check -> check.status() == Doctor.Status.FAIL).count();
    long warned = checks.stream().filter(check -> check.status() == Doctor.Status.WARN).count();
    out.printf(
        Locale.ROOT, "doctor: %d checks, %d failed, %d warnings%n", checks.size(), failed, warned);
    return failed == 0 ? 0 : MarketLambdaApplication.EXIT_FAILURE;
  }
}
