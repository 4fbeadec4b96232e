package dev.agenttrail.webapp.interfaces.web;

import java.io.Serializable;

/**
 * One mapping as the entry page shows it: the other end (an entry, with {@code link} to open it,
 * or a control or signal by id and name), whether it points away from the entry shown ({@code
 * outgoing}), and where it comes from.
 *
 * @param link the other end when it is a framework entry; null for a control or signal
 * @param source the publication for published mappings; null otherwise
 */
public record MappingRow(
    String endId, String endName, EntryLink link, boolean outgoing, String provenance, String rationale, String source)
    implements Serializable {}
