package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Default mappings (minimum)" table of the shared SIGNALS.md contract, transcribed row by row.
 * In its MAESTRO column a bare {@code L3} means the layer entry; {@code ASI0x} means the 2026
 * edition.
 */
final class SignalsContract {

  static final Map<String, List<String>> DEFAULT_MAPPINGS = new LinkedHashMap<>();

  static {
    row("UNDECLARED_TOOL", "ASI02, ASI01", "MAESTRO-L7-T4, L3", "MEASURE 2.4, MAP 3.3");
    row(
        "DENY_THEN_OVERRIDE",
        "ASI03, ASI09",
        "MAESTRO-CL-T3, L6",
        "GOVERN 1.4, MAP 3.5, MEASURE 2.8");
    row(
        "SESSION_DRIFT",
        "ASI10, ASI01, ASI06",
        "MAESTRO-L7-T1, MAESTRO-L7-T5, L5",
        "MEASURE 2.4, MEASURE 3.1, MANAGE 4.1");
    row("SCOPE_EXPANSION", "ASI03, ASI02", "MAESTRO-L2-T2, MAESTRO-CL-T4", "MEASURE 2.10, MAP 3.3");
    row("CREDENTIAL_OVERSTAY", "ASI03", "MAESTRO-L7-T3, L4", "MEASURE 2.7, MANAGE 2.4");
    row("SHARED_CREDENTIAL", "ASI03", "MAESTRO-L7-T2, MAESTRO-L7-T3", "MEASURE 2.7, GOVERN 1.6");
    row(
        "UNESCALATED_STATE_CHANGE",
        "ASI02, ASI09, ASI08",
        "MAESTRO-L7-T4, L6",
        "MAP 3.5, GOVERN 3.2, MANAGE 2.4");
    row("UNTRACEABLE_ACTION", "ASI09, ASI08", "MAESTRO-L7-T9, L5", "MEASURE 2.8, MEASURE 2.9");
    row("ENFORCEMENT_GAP", "ASI08", "MAESTRO-L5-T4, MAESTRO-L5-T2", "MEASURE 2.4, MANAGE 2.3");
  }

  private SignalsContract() {}

  private static void row(String signal, String asi, String maestro, String nist) {
    List<String> targets = new ArrayList<>();
    for (String id : asi.split(", ")) {
      targets.add("OWASP-ASI-2026@2026:" + id);
    }
    for (String id : maestro.split(", ")) {
      targets.add("CSA-MAESTRO-2025@2025:" + id);
    }
    for (String id : nist.split(", ")) {
      targets.add("NIST-AI-RMF-1.0@1.0:" + id);
    }
    DEFAULT_MAPPINGS.put(signal, List.copyOf(targets));
  }

  static EntryRef ref(String text) {
    return EntryRef.parse(text);
  }
}
