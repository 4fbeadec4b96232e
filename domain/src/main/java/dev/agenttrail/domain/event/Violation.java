package dev.agenttrail.domain.event;

/**
 * One thing wrong with one item of a request.
 *
 * @param index the item's position in the batch (0 for a single event)
 * @param pointer JSON Pointer (RFC 6901) into that item; empty for the item itself
 * @param message what is wrong, in words a producer's engineer can act on
 */
public record Violation(int index, String pointer, String message) {}
