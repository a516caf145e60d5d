package io.marketlambda.app;

import io.marketlambda.core.model.Symbol;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlambda query}: point lookups through the serving layer's Java client (HBase, merged
 * at the batch watermark), printed as a table, JSON or CSV ({@code --output}).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    header = "Looks views up in HBase through the serving layer's Java client.",
    subcommands = {QueryLatestCommand.class, QueryBarsCommand.class})
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: latest or bars");
  }

  static void checkOutput(CommandSpec spec, QueryOutput output) {
    try {
      output.format();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static Symbol symbol(CommandSpec spec, String text) {
    try {
      return Symbol.of(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot use symbol " + text + ": " + e.getMessage());
    }
  }
}
