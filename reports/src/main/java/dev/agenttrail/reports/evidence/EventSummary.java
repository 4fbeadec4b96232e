package dev.agenttrail.reports.evidence;

import dev.agenttrail.domain.event.HashChain;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the streamed ledger segment held: counts by agent and type, and the segment's ends. {@code
 * runs} is the number of contiguous seq runs (1 when nothing in between was skipped).
 */
public record EventSummary(
    long count,
    Map<String, Long> byAgent,
    Map<String, Long> byType,
    long firstSeq,
    String firstPreviousHash,
    String firstHash,
    long lastSeq,
    String lastHash,
    long runs) {

  public EventSummary {
    byAgent = Map.copyOf(byAgent);
    byType = Map.copyOf(byType);
  }

  public Set<String> agents() {
    return new TreeSet<>(byAgent.keySet());
  }

  /** Accumulates a summary line by line, in seq order. */
  static final class Collector {
    private long count;
    private final Map<String, Long> byAgent = new TreeMap<>();
    private final Map<String, Long> byType = new TreeMap<>();
    private long firstSeq;
    private String firstPrevious = HashChain.GENESIS;
    private String firstHash = HashChain.GENESIS;
    private long lastSeq;
    private String lastHash = HashChain.GENESIS;
    private long runs;

    void add(LedgerLine line) {
      if (count == 0) {
        firstSeq = line.seq();
        firstPrevious = line.previousHash();
        firstHash = line.hash();
        runs = 1;
      } else if (line.seq() != lastSeq + 1) {
        runs++;
      }
      count++;
      lastSeq = line.seq();
      lastHash = line.hash();
      byAgent.merge(line.agentId(), 1L, Long::sum);
      byType.merge(line.type(), 1L, Long::sum);
    }

    long count() {
      return count;
    }

    EventSummary summary() {
      return new EventSummary(count, byAgent, byType, firstSeq, firstPrevious, firstHash, lastSeq, lastHash, runs);
    }
  }
}
