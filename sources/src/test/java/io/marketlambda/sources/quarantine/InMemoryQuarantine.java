package io.marketlambda.sources.quarantine;

import java.util.ArrayList;
import java.util.List;

/** A {@link Quarantine} that keeps rejected records in memory, for tests. */
public final class InMemoryQuarantine implements Quarantine {
  private final List<RejectedRecord> records = new ArrayList<>();

  @Override
  public void reject(RejectedRecord record) {
    records.add(record);
  }

  /** The records rejected so far, in order. */
  public List<RejectedRecord> records() {
    return List.copyOf(records);
  }
}
