/**
 * The notification outbox: rows written in the transaction of the change they announce, and the
 * relay that delivers them afterwards (signed webhooks per the Standard Webhooks convention, and
 * e-mail over SMTP when configured), retrying with exponential backoff and recording every attempt.
 */
package dev.agenttrail.webapp.infrastructure.outbox;
