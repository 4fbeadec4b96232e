package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.domain.event.EventValidator;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.webapp.application.GroupCommit;
import dev.agenttrail.webapp.application.IngestService;
import dev.agenttrail.webapp.infrastructure.config.AgentTrailConfig;
import dev.agenttrail.webapp.infrastructure.metrics.IngestActivity;
import dev.agenttrail.webapp.infrastructure.metrics.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What every ingest endpoint does: read the body within the limits, validate every event against
 * event-v1 and the caller's source, store the batch atomically, count it. Adapters call it with
 * events they mapped from their producer's native format.
 */
@ApplicationScoped
public class EventIntake {

  @Inject
  GroupCommit ledger;

  @Inject
  AgentTrailConfig config;

  @Inject
  IngestMetrics metrics;

  @Inject
  IngestActivity activity;

  /** The items of a request body (JSON value, JSON array or NDJSON; gzip), or a problem. */
  public List<JsonValue> read(InputStream body, String encoding, String contentType) {
    activity.touch();
    try {
      return new EventBatchReader(config.maxBodyBytes(), config.maxEventsPerRequest()).read(body, encoding, contentType);
    } catch (Problem p) {
      metrics.rejectedRequest();
      throw p;
    }
  }

  /**
   * The raw bytes of a request body (gunzipped), within the body limit: for adapters whose
   * producers send something other than JSON events (OTLP protobuf).
   */
  public byte[] readBytes(InputStream body, String encoding) {
    activity.touch();
    try {
      return new EventBatchReader(config.maxBodyBytes(), config.maxEventsPerRequest()).bytes(body, encoding);
    } catch (Problem p) {
      metrics.rejectedRequest();
      throw p;
    }
  }

  /** The per-request event limit of the contract. */
  public int maxEventsPerRequest() {
    return config.maxEventsPerRequest();
  }

  /** A validator with the contract's attributes limit, for adapters that sort out bad items first. */
  public EventValidator validator() {
    return new EventValidator(config.maxAttributesBytes());
  }

  /** Validates and stores events for {@code source}; nothing is stored if one is invalid. */
  public IngestService.Receipt store(String source, List<JsonValue> items, long startedNanos) {
    return store(source, items, List.of(), startedNanos);
  }

  /**
   * As {@link #store(String, List, long)}, with problems an adapter found while mapping (they make
   * the request fail the same way).
   */
  public IngestService.Receipt store(String source, List<JsonValue> items, List<Violation> mappingProblems, long startedNanos) {
    activity.storing();
    try {
      return validateAndStore(source, items, mappingProblems, startedNanos);
    } finally {
      activity.stored();
    }
  }

  private IngestService.Receipt validateAndStore(String source, List<JsonValue> items, List<Violation> mappingProblems,
      long startedNanos) {
    EventValidator validator = new EventValidator(config.maxAttributesBytes());
    List<Violation> problems = new ArrayList<>(mappingProblems);
    List<EventRecord> records = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonValue item = items.get(i);
      if (item == null) {
        continue; // an adapter could not map it; its problem is in mappingProblems
      }
      List<Violation> found = validator.validate(i, item);
      if (found.isEmpty()) {
        JsonObject event = item.asJsonObject();
        if (event.get("source") instanceof JsonString s && !s.getString().equals(source)) {
          found = List.of(new Violation(i, "/source", "names source '" + s.getString()
              + "', but the ingest key belongs to source '" + source + "'"));
        } else {
          records.add(EventRecord.of(source, event));
        }
      }
      problems.addAll(found);
    }
    if (!problems.isEmpty()) {
      long invalid = problems.stream().mapToInt(Violation::index).distinct().count();
      metrics.rejected(items.size());
      throw new Problem(ProblemType.INVALID_EVENTS, invalid + " of " + items.size()
          + " event(s) are invalid; nothing from this request was stored.", problems);
    }
    if (records.isEmpty()) {
      return new IngestService.Receipt(0, 0, List.of()); // an empty batch: nothing to lock for
    }
    IngestService.Receipt receipt = ledger.store(source, records);
    metrics.ingested(receipt.accepted(), receipt.duplicates(), System.nanoTime() - startedNanos);
    return receipt;
  }
}
