package dev.agenttrail.webapp.interfaces.web;

import java.io.Serializable;
import java.util.List;

/**
 * Everything the catalog page shows about one entry. Optional parts are null when the entry has
 * none; the page renders them only when present.
 *
 * @param text the publisher's official wording
 * @param summary AgentTrail's own wording
 * @param crosswalks mappings to and from entries of other frameworks
 */
public record EntryDetail(
    String ref,
    String id,
    String title,
    String kind,
    String framework,
    String frameworkTitle,
    String text,
    String summary,
    String verificationStatus,
    String verificationBasis,
    String source,
    List<String> notes,
    EntryLink parent,
    List<EntryLink> children,
    List<MappingRow> controls,
    List<MappingRow> signals,
    List<MappingRow> crosswalks)
    implements Serializable {

  public EntryDetail {
    notes = List.copyOf(notes);
    children = List.copyOf(children);
    controls = List.copyOf(controls);
    signals = List.copyOf(signals);
    crosswalks = List.copyOf(crosswalks);
  }
}
