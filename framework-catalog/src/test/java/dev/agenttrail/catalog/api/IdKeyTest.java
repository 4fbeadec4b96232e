package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdKeyTest {

  @Test
  void shouldIgnoreCaseSeparatorsAndLeadingZeros() {
    assertThat(
            List.of(
                IdKey.key("asi2"), IdKey.key("ASI-02"), IdKey.key("ASI02"), IdKey.key(" asi 002 ")))
        .containsOnly("ASI 2");
    assertThat(IdKey.key("Measure 2.4"))
        .isEqualTo(IdKey.key("MEASURE-2.4"))
        .isEqualTo("MEASURE 2 . 4");
  }

  @Test
  void shouldKeepTheDotSoThatSubcategoriesStayApart() {
    assertThat(IdKey.key("GOVERN 1.1")).isNotEqualTo(IdKey.key("GOVERN 11"));
    assertThat(IdKey.key("MEASURE 2.1")).isNotEqualTo(IdKey.key("MEASURE 2.10"));
  }

  @Test
  void shouldOrderVersionsNumerically() {
    List<String> versions = new ArrayList<>(List.of("1.10", "1.9", "2", "1.0"));
    versions.sort(VersionOrder.INSTANCE);

    assertThat(versions).containsExactly("1.0", "1.9", "1.10", "2");
  }
}
