/**
 * Evidence packs: the ports the pack reads through ({@link dev.agenttrail.reports.evidence.EvidenceSource},
 * {@link dev.agenttrail.reports.evidence.EscalationFeed}), the immutable {@link
 * dev.agenttrail.reports.evidence.EvidencePack} record tree, and {@link
 * dev.agenttrail.reports.evidence.EvidencePackBuilder}, which streams the ledger segment into a
 * ZIP with the JSON files, the OSCAL assessment results, the PDF and a signed manifest.
 */
package dev.agenttrail.reports.evidence;
