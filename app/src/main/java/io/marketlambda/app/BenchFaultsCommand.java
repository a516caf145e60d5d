package io.marketlambda.app;

import io.marketlambda.bench.FaultSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench faults}. */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    header = "The fault suite: faults injected, every record accounted for.",
    description = {
      "Starts a local stack of its own (free ports, data in <work>/local-stack). For each speed",
      "layer fault it sends IBM's recorded trades of 2013-10-07 through new topics to the speed",
      "layer in a child JVM, injects the fault and accounts for every record Kafka acknowledged:",
      "trades lost or counted twice in the 1-minute bars, bad records dead-lettered with field",
      "and reason, late quotes routed to the late topic, seconds to recover after an outage.",
      "The batch faults run on a lake in <work>/lake holding Lean's daily bars of IBM, AAPL and",
      "SPY, against a clean run of the same lake.",
      "",
      "  F0   no fault: the reference run (drained: records/s)",
      "  F1   SIGKILL of the speed JVM mid-micro-batch, 3 times",
      "  F2   HBase region server stopped for 20 s under load",
      "  F3   Kafka broker stopped for 20 s under load",
      "  F4   10,000 poison records mixed in (drained: records/s within 10 %% of F0)",
      "  F5   duplicates and out-of-order delivery",
      "  F6   quotes 1 hour and 1 day late",
      "  F7   Alpha Vantage 500, rate-limit and quota bodies, a stalled body, a CSV cut at a",
      "       line boundary, Kafka down while ingesting (recorded responses, bars accounted)",
      "  F8   serving copy swapped while the HTTP API is read at load",
      "  F9   nightly run killed with SIGKILL midway then rerun; two runs started at once",
      "  F12  Kafka retention removing quotes before land read them",
      "",
      "Prints one row per fault and 'faults: N injected, lost L, duplicated D'; exits 1 when a",
      "fault failed. The speed layer's log of each fault is <work>/<fault>/speed.log, the killed",
      "nightly run's <work>/F9-killed-run.log."
    })
final class BenchFaultsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchCommand.DataDirOption data;

  @Option(
      names = "--faults",
      paramLabel = "<F>",
      split = ",",
      defaultValue = "F0,F1,F2,F3,F4,F5,F6,F7,F8,F9,F12",
      description = "Faults to inject, in order (default: ${DEFAULT-VALUE}).")
  List<String> faults;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      defaultValue = "60s",
      description =
          "How long the paced faults (F1, F2, F3, F5, F6) take to offer the day's trades"
              + " (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--work",
      paramLabel = "<dir>",
      defaultValue = "work/bench/faults",
      description =
          "The local stack's data and each fault's checkpoints and log, wiped first"
              + " (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    FaultSuite suite;
    FaultSuite.Selection selection;
    try {
      selection = FaultSuite.Selection.parse(faults);
      suite =
          new FaultSuite(
              data.directory,
              duration,
              work,
              line -> {
                out.println(line);
                out.flush();
              });
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return suite.run(selection) ? 0 : 1;
  }
}
