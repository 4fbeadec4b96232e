package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Control;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.FrameworkInfo;
import dev.agenttrail.catalog.api.Mapping;
import dev.agenttrail.catalog.api.Signal;
import dev.agenttrail.catalog.api.SignalId;
import dev.agenttrail.catalog.api.Verification;
import java.util.ArrayList;
import java.util.List;

/** Builds the catalog page's {@link EntryDetail} from the catalog. */
final class EntryDetails {

  private EntryDetails() {}

  static EntryDetail of(Catalog catalog, FrameworkEntry entry) {
    EntryRef ref = entry.ref();
    FrameworkInfo framework = catalog.findFramework(ref.frameworkId(), ref.version()).orElseThrow().info();
    List<MappingRow> controls = new ArrayList<>();
    List<MappingRow> signals = new ArrayList<>();
    List<MappingRow> crosswalks = new ArrayList<>();
    for (Mapping m : catalog.mappingsTo(ref)) {
      if (m.from() instanceof ControlId id) {
        controls.add(row(id.value(), catalog.findControl(id).map(Control::name).orElse(""), null, false, m));
      } else if (m.from() instanceof SignalId id) {
        signals.add(row(id.value(), catalog.findSignal(id).map(Signal::name).orElse(""), null, false, m));
      } else if (m.from() instanceof EntryRef from) {
        crosswalks.add(entryRow(catalog, from, false, m));
      }
    }
    for (Mapping m : catalog.mappingsFrom(ref)) {
      crosswalks.add(entryRow(catalog, m.to(), true, m));
    }
    return new EntryDetail(
        ref.asString(),
        entry.id(),
        entry.title().orElse(null),
        entry.kind(),
        framework.key(),
        framework.title(),
        entry.text().orElse(null),
        entry.summary().orElse(null),
        entry.verification().map(Verification::status).orElse(null),
        entry.verification().flatMap(Verification::basis).orElse(null),
        entry.source().or(framework::source).orElse(null),
        entry.notes(),
        entry.parentRef().flatMap(catalog::findEntry).map(EntryLink::of).orElse(null),
        catalog.children(ref).stream().map(EntryLink::of).toList(),
        controls,
        signals,
        crosswalks);
  }

  private static MappingRow entryRow(Catalog catalog, EntryRef end, boolean outgoing, Mapping m) {
    EntryLink link = catalog.findEntry(end).map(EntryLink::of)
        .orElse(new EntryLink(end.asString(), end.frameworkId(), end.entryId(), end.entryId()));
    return row(end.frameworkId() + " " + end.entryId(), link.label(), link, outgoing, m);
  }

  private static MappingRow row(String id, String name, EntryLink link, boolean outgoing, Mapping m) {
    return new MappingRow(id, name, link, outgoing, m.provenance().jsonName(), m.rationale(), m.source().orElse(null));
  }
}
