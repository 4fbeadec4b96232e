package dev.agenttrail.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The server JVM's heap when the user does not size it: {@link #DEFAULT_MAX}, or less where the
 * JVM would give less.
 *
 * <p>The JVM's own default is a quarter of the machine's memory, 6 GB on a 24 GB machine. On H2,
 * whose page cache lives on the heap, such a heap made ingest worse, not better: the garbage
 * collector's young collections copied about 130 MB of survivors each and paused 135-276 ms, and
 * the ingest benchmark's p99 was 420-510 ms against 200-380 ms with 1 GB (docs/benchmarks.md, "The
 * server's heap"). An evidence pack of a million events is built in 64 MB; the dashboard and the
 * benchmarks run in 1 GB.
 *
 * <p>{@code -Xmx}, {@code -Xms} and their {@code -XX:} spellings among the user's options size the
 * heap, and then nothing is added. Options that bound it by the machine's memory
 * ({@code -XX:MaxRAMPercentage}, {@code -XX:MaxRAM}; the Docker image sets the first) only lower
 * the default: the launcher's own JVM runs with them, and its maximum heap is the upper bound here.
 */
final class ServerHeap {

  /** The server's heap when the user does not size it and the machine has the memory. */
  static final long DEFAULT_MAX = 1L << 30;

  private ServerHeap() {}

  /**
   * The user's options, plus {@code -Xmx} when they do not size the heap; {@code jvmMaxHeap} is the
   * maximum heap of the JVM those options started (the launcher's own).
   */
  static List<String> options(List<String> inherited, long jvmMaxHeap) {
    if (inherited.stream().anyMatch(ServerHeap::sizesHeap)) {
      return inherited;
    }
    List<String> options = new ArrayList<>(inherited);
    options.add("-Xmx" + Math.min(DEFAULT_MAX, jvmMaxHeap) / (1024 * 1024) + "m");
    return options;
  }

  private static boolean sizesHeap(String option) {
    return option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-XX:MaxHeapSize=")
        || option.startsWith("-XX:InitialHeapSize=") || option.startsWith("-XX:MinHeapSize=");
  }
}
