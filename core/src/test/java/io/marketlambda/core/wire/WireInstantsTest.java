package io.marketlambda.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireInstantsTest {

  @Test
  void readsWhatInstantToStringWritesAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(20131007);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
      String text = instant.toString();

      assertThat(WireInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2013-10-07T13:30:00Z",
        "2013-10-07T13:30:00.1Z",
        "2013-10-07T13:30:00.12Z",
        "2013-10-07T13:30:00.1234Z",
        "2013-10-07T13:30:00.12345678Z",
        "2013-10-07T13:30:00.123456789Z",
        "2012-02-29T23:59:59.999Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        // handed to Instant.parse, which accepts them too
        "2013-10-07T24:00:00Z",
        "2013-10-07T23:59:60Z",
        "2013-10-07T13:30:00+01:00",
        "2013-10-07T13:30:00z",
        "2013-10-07T13:30:00.Z",
        "+10000-01-01T00:00:00Z",
      })
  void acceptsWhatInstantParseAccepts(String text) {
    assertThat(WireInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2013-10-07",
        "2013-10-07 13:30:00Z",
        "2013-10-07T13:30:00",
        "2013-13-07T13:30:00Z",
        "2013-00-07T13:30:00Z",
        "2013-02-30T13:30:00Z",
        "2013-02-29T13:30:00Z",
        "2013-10-00T13:30:00Z",
        "2013-10-07T25:30:00Z",
        "2013-10-07T13:60:00Z",
        "2013-10-07T13:30:61Z",
        "2013-10-07T13:30:00.1234567890Z",
        "2013-10-07T13:30:00,123Z",
        "2013-10-07T13:3a:00Z",
        "2013-1O-07T13:30:00Z",
        "2013-10-07T13:30:00.12a4Z",
        "20x3-10-07T13:30:00Z",
        "2013-10-07T-1:30:00Z",
        "2013-10-07T13:30:00ZZ",
        "1381152600000",
      })
  void rejectsWhatInstantParseRejects(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> WireInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
