package dev.agenttrail.webapp.application;

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
 * Ticks every {@code AGENTTRAIL_PACK_SCHEDULER_SECONDS} (default 30) on every instance: runs the
 * due schedules this instance wins and deletes packs past their retention. No EJB timers: they
 * would need the data grid, which is off.
 */
@ApplicationScoped
public class EvidencePackScheduler {

  private static final Logger LOG = Logger.getLogger(EvidencePackScheduler.class.getName());

  @Inject
  EvidencePackSchedules schedules;

  @Inject
  EvidencePackService packs;

  @Inject
  @ConfigProperty(name = "AGENTTRAIL_PACK_SCHEDULER_SECONDS", defaultValue = "30")
  int seconds;

  @Resource
  ManagedScheduledExecutorService executor;

  private ScheduledFuture<?> ticking;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (seconds > 0) {
      ticking = executor.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }
  }

  void tick() {
    try {
      schedules.runDue(packs::request);
      packs.purgeExpired();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "evidence pack schedules could not run", e);
    }
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }
}
