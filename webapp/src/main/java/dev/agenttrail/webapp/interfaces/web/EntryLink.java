package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.FrameworkEntry;
import java.io.Serializable;

/**
 * A framework entry as a link target: its reference ({@code FRAMEWORK@VERSION:ENTRY}, the {@code
 * entry} parameter of the catalog page), framework id, entry id and a short label.
 */
public record EntryLink(String ref, String framework, String id, String label) implements Serializable {

  private static final int LABEL_LENGTH = 90;

  static EntryLink of(FrameworkEntry entry) {
    return new EntryLink(entry.ref().asString(), entry.ref().frameworkId(), entry.id(), shorten(entry.label()));
  }

  static String shorten(String text) {
    return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).stripTrailing() + "\u2026";
  }
}
