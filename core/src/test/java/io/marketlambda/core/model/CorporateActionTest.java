package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CorporateActionTest {
  private static final Symbol AAPL = new Symbol("AAPL");
  private static final LocalDate EX_DATE = LocalDate.of(2020, 8, 31);

  @Test
  void aSplitCarriesNewSharesPerOldShare() {
    CorporateAction split = CorporateAction.split(AAPL, EX_DATE, 4.0, "lean");

    assertThat(split.type()).isEqualTo(CorporateAction.Type.SPLIT);
    assertThat(split.value()).isEqualTo(4.0);
    assertThat(split.exDate()).isEqualTo(EX_DATE);
    assertThat(split.source()).isEqualTo("lean");
  }

  @Test
  void aCashDividendCarriesUsdPerShare() {
    CorporateAction dividend =
        CorporateAction.cashDividend(AAPL, LocalDate.of(2020, 8, 7), 0.82, "alpha-vantage");

    assertThat(dividend.type()).isEqualTo(CorporateAction.Type.CASH_DIVIDEND);
    assertThat(dividend.value()).isEqualTo(0.82);
  }

  @Test
  void rejectsANonPositiveValueNamingTheAction() {
    assertThatThrownBy(() -> CorporateAction.split(AAPL, EX_DATE, 0.0, "lean"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage(
            "Cannot create corporate action AAPL 2020-08-31 SPLIT: value 0.0 is not a positive"
                + " finite number");
  }

  @Test
  void rejectsASourceThatIsNotALowerCaseToken() {
    assertThatThrownBy(() -> CorporateAction.split(AAPL, EX_DATE, 4.0, "Lean Data"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("source \"Lean Data\" is not a lower-case token");
  }
}
