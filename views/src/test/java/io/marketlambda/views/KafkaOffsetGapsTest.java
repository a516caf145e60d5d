package io.marketlambda.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaOffsetGapsTest {
  @Test
  void theOffsetSpanOfAMicroBatchCountsEveryPartitionBothOffsetsName() {
    String start = "{\"quotes\":{\"0\":100,\"1\":40},\"bars\":{\"0\":7}}";
    String end = "{\"quotes\":{\"0\":250,\"1\":40,\"2\":9},\"bars\":{\"0\":10}}";

    // quotes-0: 150, quotes-1: 0, quotes-2: new partition (its start is not known), bars-0: 3
    assertThat(KafkaOffsetGaps.span(start, end)).isEqualTo(153);
  }

  @Test
  void withoutStartOffsetsOrWithSomethingElseTheSpanIsUnknown() {
    assertThat(KafkaOffsetGaps.span(null, "{\"quotes\":{\"0\":10}}")).isEqualTo(-1);
    assertThat(KafkaOffsetGaps.span("{\"quotes\":{\"0\":1}}", "not json")).isEqualTo(-1);
  }
}
