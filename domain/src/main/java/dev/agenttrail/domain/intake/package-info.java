/**
 * Native intake: turns what existing enforcement points already emit (Open Policy Agent decision
 * logs first) into {@code event-v1} events. Mapping only; validation and storage are the same as
 * for events posted directly.
 */
package dev.agenttrail.domain.intake;
