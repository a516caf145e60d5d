package io.marketlambda.serving.view;

import java.util.List;

/**
 * The day's top movers.
 *
 * @param gainers biggest rises first
 * @param losers biggest falls first
 */
public record Movers(List<Mover> gainers, List<Mover> losers) {
  public Movers {
    gainers = List.copyOf(gainers);
    losers = List.copyOf(losers);
  }
}
