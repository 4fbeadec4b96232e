package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.AmbiguousIdentifierException;
import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Confidence;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.catalog.api.UnknownEntryException;
import dev.agenttrail.catalog.api.UnknownFrameworkException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what was typed in the catalog search box (an official id, a variant, an alias, {@code
 * FRAMEWORK:ID} or a full reference) and says how sure the match is, in words for the page.
 */
final class SearchBox {

  static final int MAX_INPUT = 200;

  /** The entry found, if one was, and what to tell the user. */
  record Answer(Optional<FrameworkEntry> entry, SearchOutcome outcome) {}

  private SearchBox() {}

  static Answer resolve(Catalog catalog, String input, Texts texts) {
    String text = input == null ? "" : input.strip();
    if (text.isEmpty() || text.length() > MAX_INPUT) {
      return error(texts.format("search.invalid", MAX_INPUT), List.of());
    }
    try {
      Resolution r = catalog.resolve(text);
      return new Answer(Optional.of(r.entry()), outcome(r, texts));
    } catch (UnknownEntryException e) {
      List<EntryLink> closest = e.closest().stream().map(catalog::findEntry).flatMap(Optional::stream)
          .map(EntryLink::of).toList();
      return error(texts.format(closest.isEmpty() ? "search.unknown" : "search.unknownClosest", text), closest);
    } catch (AmbiguousIdentifierException e) {
      List<EntryLink> candidates = e.candidates().stream().map(c -> EntryLink.of(c.entry())).toList();
      return error(texts.format("search.ambiguous", text), candidates);
    } catch (UnknownFrameworkException e) {
      return error(e.getMessage(), List.of());
    } catch (IllegalArgumentException e) {
      return error(texts.format("search.invalid", MAX_INPUT), List.of());
    }
  }

  private static SearchOutcome outcome(Resolution r, Texts texts) {
    EntryRef ref = r.ref();
    String where = ref.frameworkId() + "@" + ref.version();
    String confidence = texts.format("confidence." + r.confidence().jsonName());
    String severity = r.confidence() == Confidence.HIGH ? "info" : "warn";
    String summary = switch (r.match()) {
      case EXACT -> texts.format("search.exact", ref.entryId(), where);
      case VARIANT -> texts.format("search.variant", r.input(), ref.entryId(), where, confidence);
      case ALIAS -> texts.format("search.alias", r.input(), ref.entryId(), where, confidence);
    };
    return new SearchOutcome(severity, summary, r.note().orElse(null), List.of());
  }

  private static Answer error(String summary, List<EntryLink> suggestions) {
    return new Answer(Optional.empty(), new SearchOutcome("error", summary, null, suggestions));
  }
}
