package dev.agenttrail.domain.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code event-v1.schema.json}, written out as data so that validation can name each
 * problem precisely and cheaply. {@code EventValidatorTest} checks these rules against samples
 * taken from the schema; change both together when the schema grows.
 */
final class EventSchema {

  /** What one property may hold. */
  sealed interface Rule permits Text, Enum, Bool, Timestamp, Count, TextList, Obj, AnyObject {}

  record Text(int maxLength, Pattern pattern, String patternHint) implements Rule {
    Text(int maxLength) {
      this(maxLength, null, null);
    }
  }

  record Enum(Set<String> allowed) implements Rule {}

  record Bool() implements Rule {}

  record Timestamp() implements Rule {}

  record Count() implements Rule {}

  record TextList(int maxItems, int maxLength) implements Rule {}

  record Obj(Map<String, Rule> properties, Set<String> required) implements Rule {}

  /** Free-form object ({@code attributes}); its size is limited by the ingest limits. */
  record AnyObject() implements Rule {}

  static final Set<String> CLASSIFICATIONS = Set.of("public", "internal", "confidential", "restricted");

  static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:@/-]{1,128}$");
  static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  static final Obj EVENT = event();

  private EventSchema() {}

  private static Obj event() {
    Map<String, Rule> p = new LinkedHashMap<>();
    p.put("specVersion", new Enum(Set.of("1")));
    p.put("id", new Text(128, ID, "1 to 128 of A-Z a-z 0-9 . _ : @ / -"));
    p.put("source", new Text(64, SOURCE, "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64"));
    p.put("occurredAt", new Timestamp());
    p.put("type", new Enum(wireNames()));
    p.put("agent", obj(Set.of("id"),
        "id", new Text(512), "session", new Text(128), "task", new Text(128),
        "workflow", new Text(128), "onBehalfOf", new Text(256)));
    p.put("declared", obj(Set.of(),
        "tools", new TextList(256, 256), "dataScopes", new TextList(256, 256),
        "maxClassification", new Enum(CLASSIFICATIONS), "stateChangingAllowed", new Bool(),
        "expiresAt", new Timestamp()));
    p.put("action", obj(Set.of(),
        "tool", new Text(256), "operation", new Text(128), "resource", new Text(1024),
        "stateChanging", new Bool(), "approvalId", new Text(128)));
    p.put("decision", obj(Set.of("outcome"),
        "outcome", new Enum(Set.of("allow", "deny", "override", "error", "require_approval")),
        "policy", new Text(256), "policyVersion", new Text(128), "reason", new Text(2048),
        "authorizedBy", new Text(256), "mode", new Enum(Set.of("enforce", "observe", "alert"))));
    p.put("data", obj(Set.of(),
        "classification", new Enum(CLASSIFICATIONS), "scope", new Text(512), "records", new Count()));
    p.put("credential", obj(Set.of("id"),
        "id", new Text(256), "kind", new Text(64), "issuedAt", new Timestamp(), "expiresAt", new Timestamp()));
    p.put("approval", obj(Set.of("id"),
        "id", new Text(128), "status", new Enum(Set.of("pending", "approved", "rejected", "expired")),
        "approver", new Text(256)));
    p.put("intent", new Text(4096));
    p.put("traceId", new Text(64));
    p.put("attributes", new AnyObject());
    return new Obj(p, Set.of("id", "occurredAt", "type", "agent"));
  }

  private static Obj obj(Set<String> required, Object... nameRulePairs) {
    Map<String, Rule> p = new LinkedHashMap<>();
    for (int i = 0; i < nameRulePairs.length; i += 2) {
      p.put((String) nameRulePairs[i], (Rule) nameRulePairs[i + 1]);
    }
    return new Obj(p, required);
  }

  private static Set<String> wireNames() {
    return Set.copyOf(List.of(EventType.values()).stream().map(EventType::wireName).toList());
  }
}
