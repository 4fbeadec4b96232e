package dev.agenttrail.reports.evidence;

/**
 * One ledger entry as the pack carries it: its seq, the previous entry's hash, its own hash and the
 * canonical payload exactly as stored ({@code hash = SHA-256(prev bytes || UTF-8 payload)}).
 * {@code agentId} and {@code type} are the indexed copies, used only for the summary.
 */
public record LedgerLine(long seq, String previousHash, String hash, String agentId, String type, String payload) {}
