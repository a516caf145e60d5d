package io.marketlambda.hbaseviews.rowkey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanRangeTest {
  @Test
  void containsComparesBytesUnsigned() {
    ScanRange range = new ScanRange(new byte[] {0x10}, new byte[] {(byte) 0x90});

    assertThat(range.contains(new byte[] {0x10})).isTrue();
    assertThat(range.contains(new byte[] {0x7f, 0x00})).isTrue();
    assertThat(range.contains(new byte[] {(byte) 0x8f, (byte) 0xff})).isTrue();
    assertThat(range.contains(new byte[] {(byte) 0x90})).isFalse();
    assertThat(range.contains(new byte[] {0x0f, (byte) 0xff})).isFalse();
    assertThat(range.isEmpty()).isFalse();
  }

  @Test
  void isEmptyWhenStartIsNotBelowStop() {
    assertThat(new ScanRange(new byte[] {1}, new byte[] {1}).isEmpty()).isTrue();
    assertThat(new ScanRange(new byte[] {(byte) 0x80}, new byte[] {0x7f}).isEmpty()).isTrue();
  }

  @Test
  void isImmutableAndComparesByContent() {
    byte[] start = {1, 2};
    ScanRange range = new ScanRange(start, new byte[] {3});
    start[0] = 9;
    range.startRowInclusive()[1] = 9;

    assertThat(range.startRowInclusive()).containsExactly(1, 2);
    assertThat(range).isEqualTo(new ScanRange(new byte[] {1, 2}, new byte[] {3}));
    assertThat(range).hasSameHashCodeAs(new ScanRange(new byte[] {1, 2}, new byte[] {3}));
    assertThat(range).hasToString("ScanRange[0102, 03)");
  }
}
