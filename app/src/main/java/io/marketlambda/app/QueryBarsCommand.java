package io.marketlambda.app;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.client.ServingClient;
import io.marketlambda.serving.view.ServedBar;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query bars SYMBOL --interval 1d --from D --to D}. */
@Command(
    name = "bars",
    mixinStandardHelpOptions = true,
    header = "Bars of a symbol, batch views merged with realtime views at the batch watermark.")
final class QueryBarsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;
  @Mixin QueryOutput output;

  @Parameters(paramLabel = "<symbol>", description = "Ticker, e.g. IBM.")
  String symbolText;

  @Option(
      names = "--interval",
      paramLabel = "<interval>",
      defaultValue = "1d",
      description = "1m, 5m, 15m, 1h, 1d, 1w or 1mo (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "<yyyy-mm-dd>",
      description = "First trading date, America/New_York, inclusive.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "<yyyy-mm-dd>",
      description = "Last trading date, inclusive.")
  LocalDate to;

  @Override
  public Integer call() {
    Symbol symbol = QueryCommand.symbol(spec, symbolText);
    QueryCommand.checkOutput(spec, output);
    BarInterval barInterval;
    try {
      barInterval = BarInterval.parse(interval);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Cannot use --interval: " + e.getMessage());
    }
    if (from.isAfter(to)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot query --from " + from + " after --to " + to);
    }
    try (ServingClient client = ServingClient.connect(ServingConfig.from(config.settings()))) {
      List<ServedBar> bars =
          client
              .views()
              .bars(
                  symbol,
                  barInterval,
                  MarketTime.startOf(from),
                  MarketTime.startOf(to.plusDays(1)));
      PrintWriter out = spec.commandLine().getOut();
      List<List<Object>> rows = new java.util.ArrayList<>();
      for (ServedBar served : bars) {
        var bar = served.bar();
        String start =
            barInterval.isIntraday()
                ? bar.start().atZone(MarketTime.MARKET_ZONE).toLocalDateTime().toString()
                : MarketTime.tradingDate(bar.start()).toString();
        rows.add(
            List.of(
                start,
                bar.openUsd(),
                bar.highUsd(),
                bar.lowUsd(),
                bar.closeUsd(),
                bar.volumeShares(),
                bar.vwapUsd(),
                bar.tradeCount(),
                served.source()));
      }
      output.write(
          out,
          List.of(
              new QueryOutput.Column("start", "start (New York)", "%-20s"),
              new QueryOutput.Column("open_usd", "open", "%10.4f"),
              new QueryOutput.Column("high_usd", "high", "%10.4f"),
              new QueryOutput.Column("low_usd", "low", "%10.4f"),
              new QueryOutput.Column("close_usd", "close", "%10.4f"),
              new QueryOutput.Column("volume_shares", "volume", "%,14.0f"),
              new QueryOutput.Column("vwap_usd", "vwap", "%10.4f"),
              new QueryOutput.Column("trades", "trades", "%8d"),
              new QueryOutput.Column("source", "source", "%-8s")),
          rows);
      if (output.format().equals("table")) {
        out.printf(Locale.ROOT, "%,d bars%n", bars.size());
      }
      return 0;
    }
  }
}
