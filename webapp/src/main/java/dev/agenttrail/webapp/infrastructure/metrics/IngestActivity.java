package dev.agenttrail.webapp.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this instance is ingesting right now: a batch is being stored, or a request was read or
 * answered less than {@link #QUIET_NANOS} ago (a busy producer's next request follows within
 * that). Detection reads it to let ingest have the cores first; see {@code DetectionWorker}.
 */
@ApplicationScoped
public class IngestActivity {

  /** How long after the last ingest work this instance still counts as busy. */
  static final long QUIET_NANOS = 250_000_000L;

  private final AtomicInteger storing = new AtomicInteger();
  private volatile long lastNanos = System.nanoTime() - 2 * QUIET_NANOS;

  /** An ingest request is being read. */
  public void touch() {
    lastNanos = System.nanoTime();
  }

  /** A batch is being validated and stored. Pair with {@link #stored()} in a finally block. */
  public void storing() {
    storing.incrementAndGet();
    lastNanos = System.nanoTime();
  }

  /** The batch that {@link #storing()} announced was stored or refused. */
  public void stored() {
    lastNanos = System.nanoTime();
    storing.decrementAndGet();
  }

  public boolean busy() {
    return storing.get() > 0 || System.nanoTime() - lastNanos < QUIET_NANOS;
  }
}
