package dev.agenttrail.webapp.infrastructure.detection;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import dev.agenttrail.webapp.infrastructure.metrics.IngestActivity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs detection steps after the ingest commits, never on the ingest path: every
 * {@code AGENTTRAIL_DETECTION_INTERVAL_MS} (default 500 ms) it steps until it has caught up with the
 * ledger. Each step is its own transaction holding the cursor lock, so a restart resumes from the
 * cursor and several instances take turns. A failing step is logged and retried on the next tick.
 *
 * <p>Ingest goes first: while this instance is ingesting, the worker takes one step a tick instead
 * of running until it has caught up, as long as it is less than
 * {@code AGENTTRAIL_DETECTION_MAX_DEFER_MS} (default 30 s) behind. An enforcement point waits for its
 * acknowledgement; an incident can wait seconds. Beyond that bound detection runs flat out again, so
 * under sustained load it stays about that far behind instead of falling further back. 0 turns the
 * deferral off.
 */
@ApplicationScoped
public class DetectionWorker {

  private static final Logger LOG = Logger.getLogger(DetectionWorker.class.getName());

  @Resource
  ManagedScheduledExecutorService scheduler;

  @Inject
  DetectionRunner runner;

  @Inject
  @ConfigProperty(name = "AGENTTRAIL_DETECTION_INTERVAL_MS", defaultValue = "500")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "AGENTTRAIL_DETECTION_MAX_DEFER_MS", defaultValue = "30000")
  long maxDeferMillis;

  @Inject
  IngestActivity ingest;

  @Inject
  Clock clock;

  private ScheduledFuture<?> task;
  private volatile boolean failing;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    task = scheduler.scheduleWithFixedDelay(this::run, 2000, Math.max(50, intervalMillis), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Whether to stop stepping until the next tick: ingest is busy and detection is less than
   * {@code maxDefer} behind (the last event it processed was stored less than that long ago).
   */
  static boolean deferToIngest(boolean ingestBusy, Instant lastReceivedAt, Instant now, Duration maxDefer) {
    return ingestBusy && lastReceivedAt != null && Duration.between(lastReceivedAt, now).compareTo(maxDefer) < 0;
  }

  private void run() {
    try {
      DetectionRunner.Step step;
      do {
        step = runner.step();
      } while (step.locked() && step.events() == DetectionRunner.BATCH && !Thread.currentThread().isInterrupted()
          && !deferToIngest(ingest.busy(), step.lastReceivedAt(), clock.instant(), Duration.ofMillis(maxDeferMillis)));
      if (failing) {
        LOG.info("Detection is running again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "A detection step failed; it is retried on the next tick", e);
        failing = true;
      } else {
        LOG.log(Level.FINE, "A detection step failed again", e);
      }
    }
  }
}
