package dev.agenttrail.webapp.infrastructure.detection;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/** Events detection processed, firings, and the delay from storing an event to detecting on it. */
@ApplicationScoped
public class DetectionMetrics {

  @Inject
  MetricRegistry registry;

  private Counter processed;
  private Counter firings;
  private Timer delay;

  @PostConstruct
  void register() {
    processed = registry.counter(Metadata.builder().withName("agenttrail_detection_events")
        .withDescription("Events detection has processed").build());
    firings = registry.counter(Metadata.builder().withName("agenttrail_detection_firings")
        .withDescription("Signal firings (each adds evidence to an incident or opens one)").build());
    delay = registry.timer(Metadata.builder().withName("agenttrail_detection_delay")
        .withDescription("Time from storing the last event of a detection step to committing the step").build());
  }

  void processed(int events, int fired, Instant lastReceived, Instant now) {
    processed.inc(events);
    firings.inc(fired);
    if (lastReceived != null && !now.isBefore(lastReceived)) {
      delay.update(Duration.between(lastReceived, now));
    }
  }
}
