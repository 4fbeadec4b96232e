package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CoverageBackingTest {

  @Test
  void shouldNameTheNewestTenFailingIncidentsAndCountTheRest() {
    List<Long> ids = LongStream.rangeClosed(1, 3412).boxed().toList();

    assertThat(CoverageBacking.failing(ids))
        .isEqualTo("Failing: incidents 3412, 3411, 3410, 3409, 3408, 3407, 3406, 3405, 3404, 3403 and 3402 more, 3412 in all");
    assertThat(CoverageBacking.failing(List.of(7L, 9L))).isEqualTo("Failing: incidents 9, 7");
  }
}
