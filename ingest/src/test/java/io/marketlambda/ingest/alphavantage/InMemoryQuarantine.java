package io.marketlambda.ingest.alphavantage;

import io.marketlambda.ingest.quarantine.Quarantine;
import io.marketlambda.ingest.quarantine.RejectedRecord;
import java.util.ArrayList;
import java.util.List;

/** A quarantine that keeps rejected records in a list. */
final class InMemoryQuarantine implements Quarantine {
  private final List<RejectedRecord> rejected = new ArrayList<>();

  @Override
  public void reject(RejectedRecord record) {
    rejected.add(record);
  }

  List<RejectedRecord> rejected() {
    return List.copyOf(rejected);
  }
}
