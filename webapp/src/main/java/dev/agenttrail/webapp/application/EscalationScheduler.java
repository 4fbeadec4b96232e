package dev.agenttrail.webapp.application;

import dev.agenttrail.webapp.infrastructure.config.EscalationConfig;
import dev.agenttrail.webapp.infrastructure.outbox.NotificationRelay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The escalation timers and the notification relay: every tick ({@code AGENTTRAIL_ESCALATION_TICK})
 * it applies the deadlines that passed, reading them from the database, then delivers due
 * notifications. Nothing lives in memory between ticks, so a restart resumes every deadline, and
 * each transition is won by one instance (row lock and versioned update), so several instances on
 * one database fire it once.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class EscalationScheduler {

  private static final Logger LOG = Logger.getLogger(EscalationScheduler.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  EscalationService escalations;

  @Inject
  NotificationRelay relay;

  @Inject
  EscalationConfig config;

  private ScheduledFuture<?> timers;
  private ScheduledFuture<?> deliveries;

  @PostConstruct
  void start() {
    long millis = config.tick().toMillis();
    // Two tasks, so a slow webhook receiver never holds up a deadline.
    timers = executor.scheduleWithFixedDelay(this::applyDeadlines, millis, millis, TimeUnit.MILLISECONDS);
    deliveries = executor.scheduleWithFixedDelay(this::relay, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info(() -> "Escalation timers and notification relay run every " + config.tick());
  }

  @PreDestroy
  void stop() {
    if (timers != null) {
      timers.cancel(false);
    }
    if (deliveries != null) {
      deliveries.cancel(false);
    }
  }

  private void applyDeadlines() {
    List<String> due;
    try {
      due = escalations.due(100);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Escalation timers could not read due cases; the next tick retries", e);
      return;
    }
    for (String id : due) {
      try {
        escalations.advance(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Escalation case " + id + " could not be moved; the next tick retries", e);
      }
    }
  }

  private void relay() {
    try {
      relay.relayDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Notification relay failed; the next tick retries", e);
    }
  }
}
