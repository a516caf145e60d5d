package io.marketlambda.ingest.recorded;

import io.marketlambda.ingest.quarantine.Quarantine;
import io.marketlambda.ingest.quarantine.RejectedRecord;
import java.util.ArrayList;
import java.util.List;

/** A quarantine that keeps rejected records in memory, for tests. */
final class InMemoryQuarantine implements Quarantine {
  private final List<RejectedRecord> records = new ArrayList<>();

  @Override
  public void reject(RejectedRecord record) {
    records.add(record);
  }

  List<RejectedRecord> records() {
    return List.copyOf(records);
  }
}
