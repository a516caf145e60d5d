package io.marketlambda.core.view;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live batch serving copy, as its pointer row names it ({@link
 * io.marketlambda.hbaseviews.batch.BatchViewTables}).
 *
 * @param table the views table within the namespace, e.g. {@code batch_views_2013_10_04_...}
 * @param runId the batch run that wrote it
 * @param runDate the run date: the last America/New_York trading date the run included
 * @param watermarks per symbol, the batch watermark: the instant (UTC) up to which the batch views
 *     are complete, the start of the New York day after the symbol's last daily bar. Batch rows
 *     start before it; realtime rows at or after it.
 */
public record BatchViewPointer(
    String table, String runId, LocalDate runDate, Map<Symbol, Instant> watermarks) {
  public BatchViewPointer {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runDate, "runDate");
    TreeMap<Symbol, Instant> sorted = new TreeMap<>(Comparator.comparing(Symbol::value));
    sorted.putAll(watermarks);
    watermarks = Collections.unmodifiableMap(sorted);
  }

  /** Returns the symbols of the batch views, in alphabetical order. */
  public java.util.Set<Symbol> symbols() {
    return watermarks.keySet();
  }

  /** Returns a symbol's batch watermark, empty when the batch views do not hold the symbol. */
  public Optional<Instant> watermarkOf(Symbol symbol) {
    return Optional.ofNullable(watermarks.get(symbol));
  }
}
