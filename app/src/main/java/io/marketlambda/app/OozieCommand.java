package io.marketlambda.app;

import io.marketlambda.oozie.JobProperties;
import io.marketlambda.oozie.NightlyApp;
import io.marketlambda.oozie.OozieJobs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marketlambda oozie}: the nightly job's Oozie application. */
@Command(
    name = "oozie",
    mixinStandardHelpOptions = true,
    header = "The nightly job on Oozie: write, validate and submit its app, and follow it.",
    description = {
      "The nightly job on Oozie: coordinator.xml (21:30 America/New_York), workflow.xml (land ->",
      "recompute -> serving copy -> verify) and a job.properties template.",
      "Deploy: write-app, fill in job.properties, copy coordinator.xml and workflow.xml with the",
      "batch-layer spark jar and the Delta jars in lib/ to the app dir (marketlambda layout apply",
      "creates it), then submit."
    },
    subcommands = {
      OozieCommand.Validate.class,
      OozieCommand.WriteApp.class,
      OozieCommand.Submit.class,
      OozieCommand.Status.class
    })
final class OozieCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: validate, write-app, submit or status");
  }

  /** The {@code --oozie-url} option of submit and status. */
  static final class Server {
    @Option(
        names = "--oozie-url",
        required = true,
        paramLabel = "<url>",
        description = "The Oozie server, e.g. http://oozie:11000/oozie.")
    String url;

    OozieJobs jobs() {
      return new OozieJobs(url);
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      header = "Validates the app's XML against the Oozie XSDs of oozie-client, offline.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--app-dir",
        paramLabel = "<dir>",
        description = "A local copy of an app dir (default: the app shipped with marketlambda).")
    Path appDir;

    @Override
    public Integer call() {
      if (appDir != null && !Files.isDirectory(appDir)) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --app-dir " + appDir + ": not a directory");
      }
      List<String> problems = NightlyApp.validate(appDir);
      PrintWriter out = spec.commandLine().getOut();
      problems.forEach(spec.commandLine().getErr()::println);
      String where = appDir == null ? "the shipped app" : appDir.toString();
      if (!problems.isEmpty()) {
        spec.commandLine().getErr().printf("%d problems in %s%n", problems.size(), where);
        return MarketLambdaApplication.EXIT_FAILURE;
      }
      out.printf("%s is valid: %s%n", where, String.join(", ", NightlyApp.XML_FILES));
      return 0;
    }
  }

  @Command(
      name = "write-app",
      mixinStandardHelpOptions = true,
      header = "Writes coordinator.xml, workflow.xml and the job.properties template.")
  static final class WriteApp implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "<dir>",
        description = "A local directory to write the files into (created when missing).")
    Path to;

    @Override
    public Integer call() {
      NightlyApp.copyTo(to).forEach(spec.commandLine().getOut()::println);
      return 0;
    }
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      header = "Submits and starts the nightly coordinator, or with --run-date one workflow run.",
      description = {"Prints the job id."})
  static final class Submit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Server server;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "<file>",
        description =
            "The job properties (from write-app's template), as Oozie's own -config takes them.")
    Path properties;

    @Option(
        names = "--conf",
        paramLabel = "<key=value>",
        description = "One job property, overriding the file; may repeat (Oozie's -D).")
    List<String> overrides = new ArrayList<>();

    @Option(
        names = "--run-date",
        paramLabel = "<yyyy-mm-dd>",
        description = "Run the workflow once for this date instead of starting the coordinator.")
    String runDate;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(properties)) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --config " + properties + ": not a file");
      }
      JobProperties job = JobProperties.load(properties).withOverrides(overrides);
      if (runDate != null) {
        job = job.forOneRun(date());
      }
      spec.commandLine().getOut().println(server.jobs().run(job));
      return 0;
    }

    private LocalDate date() {
      try {
        return LocalDate.parse(runDate);
      } catch (DateTimeException e) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --run-date '" + runDate + "': expected yyyy-mm-dd");
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      header = "Prints a job's status (RUNNING, SUCCEEDED, KILLED, ...).")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Server server;

    @Parameters(paramLabel = "<job-id>", description = "The id submit printed.")
    String jobId;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(jobId + " " + server.jobs().status(jobId));
      return 0;
    }
  }
}
