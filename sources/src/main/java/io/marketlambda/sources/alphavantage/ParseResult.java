package io.marketlambda.sources.alphavantage;

import io.marketlambda.sources.quarantine.ReadSummary;
import java.util.List;
import java.util.Objects;

/**
 * What a parse produced: the accepted records in response order (newest first, as Alpha Vantage
 * sends them) and the read's summary; rejected rows went to the quarantine.
 *
 * @param records the accepted records, immutable
 * @param summary accepted and rejected counts
 * @param <T> the record type
 */
public record ParseResult<T>(List<T> records, ReadSummary summary) {
  public ParseResult {
    records = List.copyOf(records);
    Objects.requireNonNull(summary, "summary");
  }
}
