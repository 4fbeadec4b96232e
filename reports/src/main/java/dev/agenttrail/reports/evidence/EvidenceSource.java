package dev.agenttrail.reports.evidence;

import dev.agenttrail.catalog.api.ControlId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What a pack reads from the ledger, detection and coverage tables. */
public interface EvidenceSource {

  /** How many events the scope holds (for progress). */
  long countEvents(PackScope scope);

  /** Streams the scope's ledger entries in {@code seq} order, each with its previous hash. */
  void events(PackScope scope, Consumer<LedgerLine> sink);

  /** Incidents active in the period (opened before its end, last seen after its start), in id order. */
  List<IncidentRecord> incidents(PackScope scope);

  /** Events that show each control working in the period and scope (from {@code control_evidence}). */
  Map<ControlId, Long> controlEvidence(PackScope scope);

  /** The whole ledger verified now: count, head hash, result. */
  LedgerCheck verifyLedger();

  /** The result of recomputing the ledger's hash chain. */
  record LedgerCheck(boolean verified, long count, String head, String problem) {}
}
