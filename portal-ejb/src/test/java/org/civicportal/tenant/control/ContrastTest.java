package org.civicportal.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContrastTest {
  @Test
  void knownRatiosFromTheWcagDefinition() {
    assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
    assertThat(Contrast.ratio("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
    // GOV.UK blue on white: 5.17:1 by WebAIM's checker
    assertThat(Contrast.ratio("#1d70b8", "#ffffff")).isCloseTo(5.17, within(0.01));
    // #777777 on white is the classic just-failing grey: 4.48:1
    assertThat(Contrast.ratio("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
  }

  @Test
  void textOnAColourIsWhiteOrBlackWhicheverContrastsMore() {
    assertThat(Contrast.textOn("#0b3d68")).isEqualTo(Contrast.WHITE);
    assertThat(Contrast.textOn("#ffdd00")).isEqualTo(Contrast.BLACK);
  }

  @Test
  void coloursAreNormalisedOrRefused() {
    assertThat(Contrast.normalise(" #ABC ")).isEqualTo("#aabbcc");
    assertThatThrownBy(() -> Contrast.normalise("red")).hasMessageContaining("#rrggbb");
    assertThatThrownBy(() -> Contrast.normalise("#12345g"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
