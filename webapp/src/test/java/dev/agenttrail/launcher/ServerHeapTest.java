package dev.agenttrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerHeapTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void shouldGiveTheServerOneGigabyteWhereTheJvmWouldTakeAQuarterOfALargeMachine() {
    assertThat(ServerHeap.options(List.of("-Dx=y"), 6028 * MIB)).containsExactly("-Dx=y", "-Xmx1024m");
  }

  @Test
  void shouldKeepTheJvmsSmallerHeapOnASmallMachine() {
    assertThat(ServerHeap.options(List.of(), 512 * MIB)).containsExactly("-Xmx512m");
  }

  @Test
  void shouldTakeAMemoryPercentageAsAnUpperBoundOnly() {
    // The Docker image's -XX:MaxRAMPercentage=75: in a 1 GB container the launcher JVM has 768 MB,
    // in a 16 GB one 12 GB.
    assertThat(ServerHeap.options(List.of("-XX:MaxRAMPercentage=75"), 768 * MIB))
        .containsExactly("-XX:MaxRAMPercentage=75", "-Xmx768m");
    assertThat(ServerHeap.options(List.of("-XX:MaxRAMPercentage=75"), 12288 * MIB))
        .containsExactly("-XX:MaxRAMPercentage=75", "-Xmx1024m");
  }

  @Test
  void shouldLeaveTheHeapToTheUserWhoSizesIt() {
    for (String sized : List.of("-Xmx4g", "-Xms2g", "-XX:MaxHeapSize=4294967296", "-XX:InitialHeapSize=2g",
        "-XX:MinHeapSize=1g")) {
      assertThat(ServerHeap.options(List.of("-Dx=y", sized), 6028 * MIB)).containsExactly("-Dx=y", sized);
    }
  }
}
