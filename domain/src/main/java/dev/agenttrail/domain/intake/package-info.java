/**
 * Native intake: turns what existing enforcement points already emit into {@code event-v1} events:
 * Open Policy Agent decision logs, OpenTelemetry GenAI spans (OTLP, decoded into {@link
 * dev.agenttrail.domain.intake.OtlpSpan}) and CloudEvents. Mapping only; validation and storage
 * are the same as for events posted directly.
 */
package dev.agenttrail.domain.intake;
