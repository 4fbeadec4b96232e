package dev.agenttrail.webapp.bench;

import java.time.Instant;

/** The ingest benchmark's events, the same for AgentTrail and for the raw ceiling. */
final class BenchEvents {

  /** Occurrence times cycle through one hour instead of following the event number (--occurred hour-cycle). */
  static boolean hourCycle = false;

  /** Event ids look random, like the UUIDs many producers use, instead of counting up (--ids random). */
  static boolean randomIds = false;

  private static final Instant FIRST_OCCURRED = Instant.parse("2026-11-23T08:00:00Z");

  private BenchEvents() {}

  /**
   * When event {@code i} happened; the raw ceiling stores the same instants. By default 10 ms after
   * the one before, as in a live stream, where events arrive roughly in the order they happened, so
   * the occurrence index grows at its end. With {@code --occurred hour-cycle} the seconds of one
   * hour over and over (the benchmark's pattern before 2026-11-23 evening), so every batch lands
   * all over that index.
   */
  static Instant occurredAt(int i) {
    return hourCycle ? FIRST_OCCURRED.plusSeconds(i % 3600) : FIRST_OCCURRED.plusMillis(10L * i);
  }

  /**
   * The id of event {@code i}; the raw ceiling stores the same. By default {@code ev-<i>}: the ids of
   * a batch sort next to each other, so the unique index on ids grows in a few places. With
   * {@code --ids random} 32 hex digits of a 128-bit mix of {@code i}, as unrelated as UUIDs, so
   * every batch lands all over that index.
   */
  static String id(int i) {
    if (!randomIds) {
      return "ev-" + i;
    }
    return String.format("%016x%016x", mix(i), mix(~(long) i));
  }

  /** SplitMix64's finaliser: a bijection on longs that scatters neighbouring inputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The agent of event {@code i}; the raw ceiling stores the same in its column. */
  static String agent(int i) {
    return "spiffe://bench.example/agents/agent-" + (i % 40);
  }

  /** The session of event {@code i}. */
  static String session(int i) {
    return "session-" + (i / 200);
  }

  /** The task of event {@code i}. */
  static String task(int i) {
    return "TASK-" + (i / 1000);
  }

  /** An event of about 600 bytes, like a gateway's tool-call record. */
  static String event(int i) {
    return "{\"id\":\"" + id(i) + "\",\"occurredAt\":\"" + occurredAt(i)
        + "\",\"type\":\"tool.invocation\",\"agent\":{\"id\":\"" + agent(i)
        + "\",\"session\":\"" + session(i) + "\",\"task\":\"" + task(i) + "\",\"workflow\":\"customer-support\"},"
        + "\"action\":{\"tool\":\"crm.lookup\",\"operation\":\"read\",\"resource\":\"crm://customers/" + (i * 7919 % 100000)
        + "\"},\"decision\":{\"outcome\":\"allow\",\"policy\":\"agents/crm\",\"policyVersion\":\"42\","
        + "\"reason\":\"task scope covers customer records\",\"authorizedBy\":\"policy:agents/crm\",\"mode\":\"enforce\"},"
        + "\"data\":{\"classification\":\"internal\",\"scope\":\"crm.customers\",\"records\":1},"
        + "\"intent\":\"look up the customer's open orders to answer ticket\",\"traceId\":\"" + Long.toHexString(i * 2654435761L)
        + "\",\"attributes\":{\"gateway\":\"edge-1\",\"latencyMs\":" + (i % 97) + "}}";
  }
}
