package io.marketlambda.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Kafka offsets a streaming micro-batch covered without reading a record at them, from Spark's own
 * progress: the offsets between each Kafka source's start and end offsets ({@code
 * {"topic":{"0":12,"1":40}}}) minus the rows the micro-batch read. With {@code
 * failOnDataLoss=false} Spark goes on from the oldest record left when the topic's retention has
 * removed records a query had not read; those offsets are the gap (transaction markers also hold
 * offsets without records, and the quotes topics are written without transactions). The speed
 * layer's queries and {@code land} both report it.
 */
public final class KafkaOffsetGaps {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaOffsetGaps() {}

  /**
   * Offsets without a record in one micro-batch; 0 when none, or when Spark gives no start offsets
   * (a query's first micro-batch), so a gap before a query's first read is not seen.
   */
  public static long of(StreamingQueryProgress progress) {
    long covered = 0;
    for (SourceProgress source : progress.sources()) {
      long span = span(source.startOffset(), source.endOffset());
      if (span < 0) {
        return 0;
      }
      covered += span;
    }
    return Math.max(0, covered - progress.numInputRows());
  }

  /** The offset ranges of a micro-batch for a log line: {@code start to end; ...} per source. */
  public static String ranges(StreamingQueryProgress progress) {
    return Arrays.stream(progress.sources())
        .map(source -> source.startOffset() + " to " + source.endOffset())
        .collect(Collectors.joining("; "));
  }

  /**
   * How many offsets lie between a Kafka source's start and end offsets, over the partitions both
   * name; -1 when either is missing or not of that form.
   */
  static long span(String start, String end) {
    if (start == null || end == null) {
      return -1;
    }
    try {
      JsonNode from = JSON.readTree(start);
      long span = 0;
      for (Iterator<Map.Entry<String, JsonNode>> topics = JSON.readTree(end).fields();
          topics.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = topics.next();
        for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields();
            partitions.hasNext(); ) {
          Map.Entry<String, JsonNode> partition = partitions.next();
          JsonNode first = from.path(topic.getKey()).path(partition.getKey());
          if (first.isIntegralNumber() && partition.getValue().isIntegralNumber()) {
            span += Math.max(0, partition.getValue().asLong() - first.asLong());
          }
        }
      }
      return span;
    } catch (JsonProcessingException e) {
      return -1;
    }
  }
}
