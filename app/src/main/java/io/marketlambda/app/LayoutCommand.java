package io.marketlambda.app;

import io.marketlambda.layout.DeclaredLayout;
import io.marketlambda.layout.FileSystemLayout;
import io.marketlambda.layout.Ownership;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda layout}: the declared directories of the lake and the app. */
@Command(
    name = "layout",
    mixinStandardHelpOptions = true,
    header = "Creates and checks the declared directory layout on a Hadoop file system.",
    description = {
      "The declared layout on a Hadoop file system: marketlambda/lake (lake.root, with bronze,",
      "silver, gold, _checkpoints, quarantine, batch_runs, _staging), marketlambda/oozie/nightly",
      "(the Oozie app, jars in lib) and marketlambda/conf, with permissions and HDFS quotas."
    },
    subcommands = {LayoutCommand.Apply.class, LayoutCommand.Verify.class})
final class LayoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: apply or verify");
  }

  /** The options both subcommands take. */
  static final class Target {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
        names = "--fs",
        required = true,
        paramLabel = "<uri>",
        description =
            "The file system, as Hadoop's -fs takes it: hdfs://nn:8020, file:///srv or"
                + " abfss://c@a.dfs.core.windows.net.")
    String fs;

    @Option(
        names = "--owner",
        paramLabel = "<user>",
        description = "Owner every directory gets (apply, as a superuser) or must have (verify).")
    String owner;

    @Option(
        names = "--group",
        paramLabel = "<group>",
        description = "Group every directory gets (apply) or must have (verify).")
    String group;

    FileSystemLayout layout() {
      URI base;
      try {
        base = new URI(fs);
      } catch (URISyntaxException e) {
        throw new ParameterException(spec.commandLine(), "Cannot read --fs '" + fs + "': " + e);
      }
      if (base.getScheme() == null || base.isOpaque()) {
        throw new ParameterException(
            spec.commandLine(),
            "Cannot read --fs '" + fs + "': expected a URI such as hdfs://nn:8020 or file:///srv");
      }
      return new FileSystemLayout(
          DeclaredLayout.load(), base, new Ownership(owner, group), Map.of());
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      header = "Creates missing directories and repairs permissions, owners and quotas.")
  static final class Apply implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() {
      FileSystemLayout layout = target.layout();
      List<String> changes = layout.apply();
      PrintWriter out = spec.commandLine().getOut();
      changes.forEach(out::println);
      out.printf("%d changes; lake.root=%s%n", changes.size(), layout.lakeRoot());
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      header = "Lists where the file system differs from the layout; exit 1 if it does.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() {
      List<String> drift = target.layout().verify();
      PrintWriter out = spec.commandLine().getOut();
      drift.forEach(out::println);
      if (drift.isEmpty()) {
        out.println("layout matches at " + target.fs);
        return 0;
      }
      out.printf(
          "%d differences at %s; marketlambda layout apply repairs them%n",
          drift.size(), target.fs);
      return MarketLambdaApplication.EXIT_FAILURE;
    }
  }
}
