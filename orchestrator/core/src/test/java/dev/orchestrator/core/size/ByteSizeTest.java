package dev.orchestrator.core.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void decimalUnitsArePowersOfAThousand() {
    assertThat(ByteSize.parse("150MB").bytes()).isEqualTo(150_000_000L);
    assertThat(ByteSize.parse("1.2GB").bytes()).isEqualTo(1_200_000_000L);
    assertThat(ByteSize.parse("512kb").bytes()).isEqualTo(512_000L);
  }

  @Test
  void binaryUnitsArePowersOf1024() {
    assertThat(ByteSize.parse("120MiB").bytes()).isEqualTo(125_829_120L);
    assertThat(ByteSize.parse("1GiB").bytes()).isEqualTo(1L << 30);
  }

  @Test
  void bytesWithOrWithoutUnit() {
    assertThat(ByteSize.parse("900B").bytes()).isEqualTo(900L);
    assertThat(ByteSize.parse("900").bytes()).isEqualTo(900L);
    assertThat(ByteSize.parse(" 900 B ").bytes()).isEqualTo(900L);
  }

  @Test
  void badInputSaysWhatWasExpected() {
    assertThatThrownBy(() -> ByteSize.parse("15 parsecs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'15 parsecs' is not a size such as 150MB, 120MiB, 1.2GB or 900B");
    assertThatThrownBy(() -> ByteSize.parse("-5MB")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ByteSize.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void humanFormUsesDecimalUnits() {
    assertThat(ByteSize.parse("54.2MB").human()).isEqualTo("54.2 MB");
    assertThat(new ByteSize(900).human()).isEqualTo("900 B");
    assertThat(ByteSize.parse("120MiB").toString()).isEqualTo("125.8 MB");
  }

  @Test
  void comparesBySize() {
    assertThat(ByteSize.parse("1MiB")).isGreaterThan(ByteSize.parse("1MB"));
  }
}
