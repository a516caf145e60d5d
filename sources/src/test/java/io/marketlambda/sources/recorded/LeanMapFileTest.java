package io.marketlambda.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.SharedData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** QQQ traded as QQQQ 2004-12-01..2011-03-22; GOOGL was GOOG until 2014-04-02; BAC was NB. */
class LeanMapFileTest {
  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void qqqTradedAsQqqqBetween2004And2011() {
    LeanMapFile qqq = LeanMapFile.read(SharedData.resolve("lean/map_files/qqq.csv"), quarantine);
    assertThat(qqq.symbol()).isEqualTo(Symbol.of("QQQ"));
    assertThat(qqq.firstDate()).isEqualTo(LocalDate.of(1999, 3, 10));
    assertThat(qqq.tickerOn(LocalDate.of(1999, 3, 9))).isEmpty();
    assertThat(qqq.tickerOn(LocalDate.of(1999, 3, 10))).contains(Symbol.of("QQQ"));
    assertThat(qqq.tickerOn(LocalDate.of(2004, 11, 30))).contains(Symbol.of("QQQ"));
    assertThat(qqq.tickerOn(LocalDate.of(2004, 12, 1))).contains(Symbol.of("QQQQ"));
    assertThat(qqq.tickerOn(LocalDate.of(2008, 1, 2))).contains(Symbol.of("QQQQ"));
    assertThat(qqq.tickerOn(LocalDate.of(2011, 3, 22))).contains(Symbol.of("QQQQ"));
    assertThat(qqq.tickerOn(LocalDate.of(2011, 3, 23))).contains(Symbol.of("QQQ"));
    assertThat(qqq.rows().get(0))
        .isEqualTo(new LeanMapRow(LocalDate.of(1999, 3, 10), Symbol.of("QQQ"), "Q"));
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void googlWasGoogAndBacWasNb() {
    LeanMapFile googl =
        LeanMapFile.read(SharedData.resolve("lean/map_files/googl.csv"), quarantine);
    assertThat(googl.tickerOn(LocalDate.of(2014, 4, 2))).contains(Symbol.of("GOOG"));
    assertThat(googl.tickerOn(LocalDate.of(2014, 4, 3))).contains(Symbol.of("GOOGL"));
    LeanMapFile bac = LeanMapFile.read(SharedData.resolve("lean/map_files/bac.csv"), quarantine);
    assertThat(bac.tickerOn(LocalDate.of(1998, 9, 30))).contains(Symbol.of("NB"));
    assertThat(bac.tickerOn(LocalDate.of(1998, 10, 1))).contains(Symbol.of("BAC"));
    assertThat(bac.tickerOn(LocalDate.of(2051, 1, 1))).isEmpty();
  }
}
