package io.marketlambda.sources.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineFileTest {
  @TempDir Path directory;

  @Test
  void aCleanReadLeavesNoFile() {
    Path file = directory.resolve("quarantine/ibm.jsonl");
    try (QuarantineFile quarantine = new QuarantineFile(file)) {
      assertThat(quarantine.count()).isZero();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void keepsEveryRejectedRecordAsOneJsonLineAndCountsThemByField() throws Exception {
    Path file = directory.resolve("quarantine/ibm.jsonl");
    try (QuarantineFile quarantine = new QuarantineFile(file)) {
      quarantine.reject(
          new RejectedRecord(
              "lean/daily/ibm.csv",
              12,
              "close",
              "close \"-1\" is negative",
              "20131007 00:00,1,2,1,-1,5"));
      quarantine.reject(
          new RejectedRecord("lean/daily/ibm.csv", 13, "$", "has 3 columns, not 6", "a,b,c"));
      quarantine.reject(
          new RejectedRecord(
              "lean/daily/ibm.csv", 20, "close", "close \"x\" is not a number", "x"));

      assertThat(quarantine.count()).isEqualTo(3);
      assertThat(quarantine.countsByField()).isEqualTo(Map.of("close", 2L, "$", 1L));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("origin").asText()).isEqualTo("lean/daily/ibm.csv");
    assertThat(first.get("position").asLong()).isEqualTo(12);
    assertThat(first.get("field").asText()).isEqualTo("close");
    assertThat(first.get("reason").asText()).isEqualTo("close \"-1\" is negative");
    assertThat(first.get("raw").asText()).isEqualTo("20131007 00:00,1,2,1,-1,5");
  }

  @Test
  void describesARejectionLikeACompilerMessage() {
    assertThat(
            new RejectedRecord("ibm.csv", 7, "volume", "volume \"-5\" is negative", "raw")
                .describe())
        .isEqualTo("ibm.csv:7: volume: volume \"-5\" is negative");
  }

  @Test
  void summarisesARead() {
    ReadSummary summary = new ReadSummary("ibm.csv", 3999, Map.of("close", 2L));

    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary).hasToString("read ibm.csv: 3999 accepted, 2 rejected {close=2}");
  }
}
