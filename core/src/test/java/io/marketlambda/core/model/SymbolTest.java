package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {
  private static final String RULE =
      "; a symbol is 1 to 15 characters of A-Z 0-9 . - ^ = / starting with a letter, a digit or ^";

  @ParameterizedTest
  @ValueSource(
      strings = {"IBM", "A", "BRK.B", "BRK-B", "BRK/B", "^GSPC", "ES=F", "0700", "ABCDEFGHIJKLMNO"})
  void acceptsCanonicalSymbols(String text) {
    Symbol symbol = new Symbol(text);

    assertThat(symbol.value()).isEqualTo(text);
    assertThat(symbol).hasToString(text);
  }

  @Test
  void ofStripsAndUpperCases() {
    assertThat(Symbol.of("  brk.b\t")).isEqualTo(new Symbol("BRK.B"));
  }

  @Test
  void ofNamesTheCharacterThatIsStillInvalid() {
    assertThatThrownBy(() -> Symbol.of("ib m"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("Cannot accept symbol: \"IB M\" contains ' ' at index 2" + RULE);
  }

  @Test
  void canonicalConstructorRejectsLowerCaseAndSaysHowToNormalise() {
    assertThatThrownBy(() -> new Symbol("ibm"))
        .hasMessage(
            "Cannot accept symbol: \"ibm\" starts with 'i' (lower case; Symbol.of upper-cases input)"
                + RULE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|\"\" is empty",
        "ABCDEFGHIJKLMNOP|\"ABCDEFGHIJKLMNOP\" has 16 characters, more than 15",
        ".IBM|\".IBM\" starts with '.'",
        "=F|\"=F\" starts with '='",
        "IBM:US|\"IBM:US\" contains ':' at index 3",
        "IBM\u00e9|\"IBM\u00e9\" contains U+00E9 at index 3",
      })
  void rejectsNonCanonicalText(String text, String reason) {
    assertThatThrownBy(() -> new Symbol(text))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo("symbol");
              assertThat(e.reason()).isEqualTo(reason);
            })
        .hasMessage("Cannot accept symbol: " + reason + RULE);
  }

  @Test
  void rejectsTheRowKeySeparatorByte() {
    assertThatThrownBy(() -> new Symbol("AB\u0000C"))
        .hasMessageContaining("contains U+0000 at index 2");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Symbol.of(null)).hasMessage("Cannot accept symbol: null" + RULE);
  }

  @Test
  void cutsVeryLongValuesInMessages() {
    String text = "X".repeat(1000);

    assertThatThrownBy(() -> new Symbol(text))
        .hasMessageStartingWith(
            "Cannot accept symbol: \"" + "X".repeat(30) + "...\" has 1000 characters");
  }
}
