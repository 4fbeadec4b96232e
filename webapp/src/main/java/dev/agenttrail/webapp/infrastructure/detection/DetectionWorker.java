package dev.agenttrail.webapp.infrastructure.detection;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
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

  private void run() {
    try {
      DetectionRunner.Step step;
      do {
        step = runner.step();
      } while (step.locked() && step.events() == DetectionRunner.BATCH && !Thread.currentThread().isInterrupted());
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
