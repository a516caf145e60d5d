package io.marketlambda.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.views.WireQuotes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PoisonCorpusTest {
  private static final Instant NOON = Instant.parse("2013-10-07T16:00:00Z");

  /** Through the decoder both layers use: the wire codec, then the bound on event time. */
  @Test
  void everyKindIsRejectedWithAFieldAndAReason() {
    Timestamp sentNow = Timestamp.from(Instant.now());
    long fiveMinutes = WireQuotes.MAX_EVENT_TIME_AHEAD.defaultValue().orElseThrow().toMillis();
    for (PoisonCorpus.Poison poison : PoisonCorpus.eachKind(NOON)) {
      Object[] decoded = WireQuotes.decode(poison.value(), sentNow, fiveMinutes);
      assertThat(decoded[WireQuotes.DECODED_VALUES - 2]).as(poison.toString()).isNotNull();
      assertThat((String) decoded[WireQuotes.DECODED_VALUES - 1])
          .as(poison.toString())
          .isNotBlank();
    }
  }

  @Test
  void theCorpusHasTheCountAskedForEveryKindAndFourValuesOfFiveMebibytes() {
    List<PoisonCorpus.Poison> corpus = PoisonCorpus.of(10_000, NOON);
    Map<String, Long> kinds =
        corpus.stream()
            .collect(Collectors.groupingBy(PoisonCorpus.Poison::kind, Collectors.counting()));

    assertThat(corpus).hasSize(10_000);
    assertThat(kinds.keySet())
        .containsExactlyInAnyOrderElementsOf(
            PoisonCorpus.eachKind(NOON).stream().map(PoisonCorpus.Poison::kind).toList());
    assertThat(kinds).containsEntry("5mib-value", 4L);
    assertThat(
            corpus.stream()
                .filter(poison -> poison.kind().equals("5mib-value"))
                .map(poison -> poison.value().length)
                .collect(Collectors.toMap(Function.identity(), length -> 1, Integer::sum)))
        .allSatisfy((length, count) -> assertThat(length).isGreaterThan(5 * 1024 * 1024));
  }
}
