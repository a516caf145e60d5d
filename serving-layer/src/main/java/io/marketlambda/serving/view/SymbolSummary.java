package io.marketlambda.serving.view;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;

/**
 * A symbol the batch views hold.
 *
 * @param symbol the ticker
 * @param batchWatermark the instant (UTC) up to which its batch views are complete
 */
public record SymbolSummary(Symbol symbol, Instant batchWatermark) {}
