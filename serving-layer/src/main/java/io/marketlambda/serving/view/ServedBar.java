package io.marketlambda.serving.view;

import io.marketlambda.core.model.Bar;
import java.util.Objects;

/**
 * A bar as the serving layer answers it, with the view it came from.
 *
 * @param bar the bar (prices USD, volume shares, start UTC)
 * @param origin which view answered it
 */
public record ServedBar(Bar bar, Origin origin) {
  /** Where a served row came from. */
  public enum Origin {
    /** The batch serving copy: complete, before the symbol's batch watermark. */
    BATCH,
    /** The realtime views: provisional, at or after the batch watermark. */
    REALTIME,
    /**
     * A calendar bar (1w, 1mo) whose period straddles the batch watermark: rolled up from batch
     * daily bars before it and realtime daily bars after it.
     */
    MERGED
  }

  public ServedBar {
    Objects.requireNonNull(bar, "bar");
    Objects.requireNonNull(origin, "origin");
  }

  /** The origin in lower case, as the API shows it. */
  public String source() {
    return origin.name().toLowerCase(java.util.Locale.ROOT);
  }
}
