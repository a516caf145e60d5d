package io.marketlambda.app;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.client.ServingClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query latest SYMBOL}. */
@Command(
    name = "latest",
    mixinStandardHelpOptions = true,
    header = "The latest trade of a symbol (realtime views).")
final class QueryLatestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;
  @Mixin QueryOutput output;

  @Parameters(paramLabel = "<symbol>", description = "Ticker, e.g. IBM.")
  String symbolText;

  @Override
  public Integer call() {
    Symbol symbol = QueryCommand.symbol(spec, symbolText);
    QueryCommand.checkOutput(spec, output);
    try (ServingClient client = ServingClient.connect(ServingConfig.from(config.settings()))) {
      Optional<Quote> quote = client.views().latestQuote(symbol);
      PrintWriter out = spec.commandLine().getOut();
      if (quote.isEmpty()) {
        out.println("No realtime quote of " + symbol);
        return MarketLambdaApplication.EXIT_FAILURE;
      }
      Quote q = quote.get();
      output.write(
          out,
          List.of(
              new QueryOutput.Column("symbol", "symbol", "%-8s"),
              new QueryOutput.Column("time", "time (UTC)", "%-24s"),
              new QueryOutput.Column("price_usd", "price USD", "%12.4f"),
              new QueryOutput.Column("size_shares", "size", "%,10d"),
              new QueryOutput.Column("source", "source", "%-8s")),
          List.of(
              List.of(
                  symbol.value(),
                  q.eventTime().toString(),
                  q.priceUsd(),
                  q.sizeShares(),
                  q.source())));
      return 0;
    }
  }
}
