package dev.agenttrail.webapp.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counters of events ingested, rejected and seen again, and the ingest request latency. Counted
 * after the commit, so the figures match what is in the ledger.
 */
@ApplicationScoped
public class IngestMetrics {

  @Inject
  MetricRegistry registry;

  private Counter ingested;
  private Counter duplicates;
  private Counter rejected;
  private Counter rejectedRequests;
  private Timer latency;
  private Timer lockHeld;
  private Timer lockWaited;
  private Histogram groups;
  private Counter spansMapped;
  private Counter spansContext;
  private Counter spansIgnored;
  private Counter spansRejected;

  @PostConstruct
  void register() {
    ingested = registry.counter(Metadata.builder().withName("agenttrail_events_ingested")
        .withDescription("Events stored in the ledger").build());
    duplicates = registry.counter(Metadata.builder().withName("agenttrail_events_duplicate")
        .withDescription("Events received again and not stored twice").build());
    rejected = registry.counter(Metadata.builder().withName("agenttrail_events_rejected")
        .withDescription("Events in requests refused as invalid").build());
    rejectedRequests = registry.counter(Metadata.builder().withName("agenttrail_ingest_requests_rejected")
        .withDescription("Ingest requests refused before their events could be read (size, encoding, JSON)").build());
    latency = registry.timer(Metadata.builder().withName("agenttrail_ingest_request")
        .withDescription("Time to validate, store and commit an accepted ingest request").build());
    lockHeld = registry.timer(Metadata.builder().withName("agenttrail_ledger_lock_held")
        .withDescription("Time a group of batches holds the ledger lock: inserts, head update and commit").build());
    lockWaited = registry.timer(Metadata.builder().withName("agenttrail_ledger_lock_wait")
        .withDescription("Time a group of batches waits for the ledger lock held by another server").build());
    groups = registry.histogram(Metadata.builder().withName("agenttrail_ledger_group_batches")
        .withDescription("Requests' batches appended together under one ledger lock and one commit").build());
    Metadata spans = Metadata.builder().withName("agenttrail_otlp_spans")
        .withDescription("OTLP spans received, by outcome: mapped to events, read for agent context, ignored (not GenAI), rejected").build();
    spansMapped = registry.counter(spans, new Tag("outcome", "mapped"));
    spansContext = registry.counter(spans, new Tag("outcome", "context"));
    spansIgnored = registry.counter(spans, new Tag("outcome", "ignored"));
    spansRejected = registry.counter(spans, new Tag("outcome", "rejected"));
  }

  /** What became of the spans of one OTLP export. */
  public void spans(int mapped, int context, int ignored, int rejected) {
    spansMapped.inc(mapped);
    spansContext.inc(context);
    spansIgnored.inc(ignored);
    spansRejected.inc(rejected);
  }

  public void ingested(int accepted, int duplicate, long nanos) {
    ingested.inc(accepted);
    duplicates.inc(duplicate);
    latency.update(Duration.ofNanos(nanos));
  }

  /** Time from taking the ledger lock to the end of the transaction: appends are serialised on it. */
  public void lockHeld(long nanos) {
    lockHeld.update(Duration.ofNanos(nanos));
  }

  public void lockWaited(long nanos) {
    lockWaited.update(Duration.ofNanos(nanos));
  }

  /** A group commit of this many requests' batches. */
  public void grouped(int batches) {
    groups.update(batches);
  }

  public void rejected(int events) {
    rejected.inc(events);
  }

  public void rejectedRequest() {
    rejectedRequests.inc();
  }
}
