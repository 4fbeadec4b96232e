#!/usr/bin/env python3
"""Derives the built-in framework and crosswalk files from the verified reference data.

Usage (from the repository root):
    python3 framework-catalog/src/build/derive-from-reference.py [../shared/reference/frameworks]

It writes framework-catalog/src/main/resources/catalog/<framework-id>/<version>/framework.json and
catalog/crosswalks/*.json. The written files are the source of truth once committed: this script
only records how the first version of each was derived (which reference field became which catalog
field), so the derivation can be audited or repeated for a new reference drop. A new version of a
framework is a new folder, never an edit of a shipped one. The control library
(catalog/library/*.json) and catalog/index.json are maintained by hand and not touched here.
Identifiers, titles and official text come only from the reference files; nothing is invented.
"""
import json
import os
import sys

FORMAT = "agenttrail-catalog/1"
LAST_MODIFIED = "2026-11-23"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "main", "resources", "catalog"))


def ref(framework, version, entry):
    return f"{framework}@{version}:{entry}"


def verification(item):
    return {"status": item["verification"], "basis": item["verification_basis"]}


def write(relative, document):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("wrote", relative)


def nist(src):
    data = json.load(open(os.path.join(src, "nist-ai-rmf-1.0.json"), encoding="utf-8"))
    fw = data["framework"]
    entries = []
    for kind, key in (("function", "functions"), ("category", "categories"), ("subcategory", "subcategories")):
        for item in data[key]:
            entry = {"id": item["id"], "kind": kind}
            if item.get("parent_id"):
                entry["parent"] = item["parent_id"]
            if "name" in item:
                entry["title"] = item["name"]
            entry["text"] = item["text"]
            entry["verification"] = verification(item)
            notes = [item[n] for n in ("note", "case_variant_note") if n in item]
            if notes:
                entry["notes"] = notes
            entries.append(entry)
    return {
        "format": FORMAT,
        "framework": {
            "id": "NIST-AI-RMF-1.0",
            "version": "1.0",
            "title": fw["name"],
            "publisher": fw["publisher"],
            "published": fw["published"],
            "lastModified": LAST_MODIFIED,
            "source": f"{fw['document']}, {fw['name']}, {fw['text_source_section']}; {fw['doi']}",
            "url": fw["doi"],
            "license": fw["license"],
            "idConvention": data["id_convention"],
            "idPrefixes": ["NIST AI RMF 1.0", "NIST AI RMF", "AI RMF 1.0", "AI RMF", "NIST AI 100-1"],
            "idAbbreviations": {"GV": "GOVERN", "MP": "MAP", "MS": "MEASURE", "MG": "MANAGE"},
            "notes": data["text_normalization_notes"],
        },
        "entries": entries,
        "aliasPatterns": [
            {
                "pattern": "^(GV|MP|MS|MG)[- ]?(\\d+\\.\\d+)-\\d{1,3}$",
                "replacement": "$1-$2",
                "confidence": "medium",
                "note": "NIST AI 600-1 (Generative AI Profile) suggested-action ids such as GV-1.1-001 are"
                " not AI RMF subcategories; the action is resolved to the AI RMF 1.0 subcategory it is"
                " listed under. Check that the action, not only its subcategory, is what was meant.",
            }
        ],
    }


def asi(src):
    data = json.load(open(os.path.join(src, "owasp-agentic.json"), encoding="utf-8"))
    top = data["top10_agentic_2026"]
    warning = top["superseded_draft_numberings_WARNING"]
    draft = warning["initial_candidates_0_5_july_2025"]
    sprint = warning["first_public_draft_sprint1_sept_2025"]
    entries = []
    for item in top["entries"]:
        entry = {"id": item["id"], "kind": "risk", "title": item["title"], "summary": item["summary"],
                 "verification": verification(item)}
        variants = item.get("title_variants_in_same_document") or []
        if variants:
            entry["notes"] = ["Also written " + ", ".join(f"'{v}'" for v in variants) + " in the same document."]
        entries.append(entry)
    draft_ids = "; ".join(f"{k} = {v}" for k, v in draft["mapping"].items())
    return {
        "format": FORMAT,
        "framework": {
            "id": "OWASP-ASI-2026",
            "version": "2026",
            "title": "OWASP Top 10 for Agentic Applications 2026",
            "publisher": data["meta"]["publisher"],
            "published": "2025-12",
            "lastModified": LAST_MODIFIED,
            "source": top["source"],
            "url": "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/",
            "license": data["meta"]["license"],
            "idConvention": top["id_convention"],
            "idPrefixes": ["OWASP Top 10 for Agentic Applications 2026", "OWASP ASI 2026", "OWASP ASI", "OWASP"],
            "notes": [
                data["meta"]["summary_policy"],
                warning["note"],
                f"Superseded numbering in the July 2025 initial-candidates draft ({draft['source']}): {draft_ids}.",
                f"First public draft, September 2025 ({sprint['source']}): ASI01 = "
                + sprint["differences_from_final"]["ASI01"] + ".",
            ],
        },
        "entries": entries,
        "aliases": [
            {
                "alias": "OWASP Agentic AI Top 10 A2",
                "entry": "ASI02",
                "confidence": "high",
                "note": "Not an OWASP identifier: older write-ups numbered the Agentic Top 10 A1..A10. Item 2"
                " is tool misuse in every numbering OWASP used, so it reads as ASI02 Tool Misuse and Exploitation.",
            },
            {
                "alias": "OWASP Agentic AI Top 10 A01",
                "entry": "ASI01",
                "confidence": "medium",
                "note": "Not an OWASP identifier. Read as ASI01 Agent Goal Hijack of the 2026 edition; in the"
                " July 2025 draft numbering ASI01 was Memory Poisoning, so check the date of the citing text.",
            },
        ],
    }


def threats(src):
    data = json.load(open(os.path.join(src, "owasp-agentic.json"), encoding="utf-8"))
    tax = data["threats_and_mitigations_taxonomy"]
    variants = tax["title_variants"]
    informal = variants["T4_T6_T12_in_ASI06"]
    entries = []
    for item in tax["entries"]:
        entry = {"id": item["id"], "kind": "threat", "title": item["title"], "summary": item["summary"],
                 "verification": verification(item), "properties": {"introducedIn": item["introduced_in"]}}
        notes = []
        if item["id"] in variants:
            notes.append(variants[item["id"]])
        if item["id"] in ("T4", "T6", "T12"):
            notes.append(informal)
        if notes:
            entry["notes"] = notes
        entries.append(entry)
    return {
        "format": FORMAT,
        "framework": {
            "id": "OWASP-AGENTIC-THREATS-1.1",
            "version": "1.1",
            "title": "OWASP Agentic AI - Threats and Mitigations",
            "publisher": data["meta"]["publisher"],
            "published": "2025-12",
            "lastModified": LAST_MODIFIED,
            "source": tax["source_v1_1"] + " (T1..T15 unchanged from " + tax["source_v1_0"] + ")",
            "url": "https://genai.owasp.org/resource/agentic-ai-threats-and-mitigations/",
            "license": data["meta"]["license"],
            "idConvention": tax["id_convention"],
            "idPrefixes": ["OWASP Agentic AI Threats and Mitigations", "OWASP Agentic AI", "OWASP"],
            "notes": [data["meta"]["summary_policy"], tax["id_collision_WARNING"]],
        },
        "entries": entries,
    }


def maestro(src):
    data = json.load(open(os.path.join(src, "csa-maestro.json"), encoding="utf-8"))
    fw = data["framework"]
    conv = data["id_convention"]
    entries = []
    for layer in data["layers"]:
        entries.append({"id": layer["id"], "kind": "layer", "title": layer["name"], "summary": layer["summary"],
                        "verification": verification(layer),
                        "properties": {"vertical": "true" if layer["vertical"] else "false"}})
    for layer in data["layers"]:
        for item in layer["threats"]:
            entries.append({"id": item["id"], "kind": "threat", "parent": item["layer_id"], "title": item["name"],
                            "summary": item["summary"], "verification": verification(item),
                            "properties": {"idAssignedBy": item["id_assigned_by"]}})
    for item in data["cross_layer_threats"]:
        entries.append({"id": item["id"], "kind": "threat", "title": item["name"], "summary": item["summary"],
                        "verification": verification(item),
                        "properties": {"idAssignedBy": item["id_assigned_by"], "layer": item["layer_id"]}})
    unverified = "; ".join(f"{u['layer']} '{u['name']}': {u['note']}" for u in data["unverified_variants"])
    return {
        "format": FORMAT,
        "framework": {
            "id": "CSA-MAESTRO-2025",
            "version": "2025",
            "title": fw["name"],
            "publisher": fw["publisher"],
            "published": fw["published"],
            "lastModified": LAST_MODIFIED,
            "source": "K. Huang, Agentic AI Threat Modeling Framework: MAESTRO, Cloud Security Alliance, "
            + fw["published"] + "; " + fw["url"],
            "url": fw["url"],
            "license": fw["license"],
            "idConvention": "Layers: " + conv["layers"] + " Threats: " + conv["threats"] + " " + conv["stability"],
            "idPrefixes": ["CSA MAESTRO", "MAESTRO"],
            "notes": [data["name_collisions_note"], "Left out as UNVERIFIED: " + unverified,
                      "Companion tool: " + fw["companion_tool"]],
        },
        "entries": entries,
        "aliases": [
            {"alias": "CSA MAESTRO M1", "entry": "L1", "confidence": "high",
             "note": "Not a CSA identifier: some write-ups number the MAESTRO layers M1..M7. M1 reads as layer L1"
             " Foundation Models."},
            {"alias": "MAESTRO M1", "entry": "L1", "confidence": "high",
             "note": "Not a CSA identifier: some write-ups number the MAESTRO layers M1..M7. M1 reads as layer L1"
             " Foundation Models."},
            {"alias": "CSA MAESTRO IAC-3", "entry": "MAESTRO-L4-T3", "confidence": "low",
             "note": "No such CSA identifier exists. Nearest by name is MAESTRO-L4-T3 Infrastructure-as-Code (IaC)"
             " Manipulation, but the text that cites IAC-3 is about dynamic controls on agent execution paths."
             " Check the citing document before relying on this mapping."},
        ],
    }


def asi_crosswalk(src):
    data = json.load(open(os.path.join(src, "crosswalk.json"), encoding="utf-8"))
    cw = next(c for c in data["crosswalks"] if c["id"] == "owasp_asi_top10_2026_appendix_a")
    mappings = []
    for row in cw["mappings"]:
        split = bool(row["t_ids"]["primary"])
        for relation in ("primary", "related"):
            for tid in row["t_ids"][relation]:
                if relation == "primary":
                    why = f"Primary T-id of {row['asi_id']} in the ASI Top 10 2026."
                elif split:
                    why = f"Related (contributing) T-id of {row['asi_id']} in the ASI Top 10 2026."
                else:
                    why = f"Related T-id of {row['asi_id']} in the ASI Top 10 2026 (no primary/related split stated)."
                mappings.append({"from": ref("OWASP-ASI-2026", "2026", row["asi_id"]),
                                 "to": ref("OWASP-AGENTIC-THREATS-1.1", "1.1", tid), "provenance": "published",
                                 "rationale": why + " Evidence: " + row["evidence"], "source": cw["source"]})
    return {
        "format": FORMAT,
        "mappingSet": {"id": "owasp-asi-2026-appendix-a", "title": "ASI Top 10 2026 to Threats and Mitigations T-ids",
                       "source": cw["source"], "publisher": cw["publisher"], "license": cw["license"],
                       "verification": cw["verification"],
                       "notes": [cw["relation_semantics"], cw["notable_gaps"],
                                 "The LLM Top 10 2025 and AIVSS columns of Appendix A are not in this catalog and"
                                 " are left out."]},
        "mappings": mappings,
    }


def maestro_crosswalk(src):
    data = json.load(open(os.path.join(src, "crosswalk.json"), encoding="utf-8"))
    cw = next(c for c in data["crosswalks"] if c["id"] == "owasp_mas_guide_maestro_layers_to_T")
    mappings = []
    skipped = []
    for row in cw["mappings"]:
        layer = row["maestro_layer_id"]
        if layer == "cross-layer":
            skipped.append(row)
            continue
        for tid in row["t_ids"]:
            why = f"The OWASP MAS Threat Modelling Guide v1.0 relates MAESTRO layer {layer} to {tid}."
            if "note" in row:
                why += " Note: " + row["note"] + "."
            why += " The guide cites T&M v1.0 (T1..T15), which v1.1 keeps unchanged."
            mappings.append({"from": ref("CSA-MAESTRO-2025", "2025", layer),
                             "to": ref("OWASP-AGENTIC-THREATS-1.1", "1.1", tid), "provenance": "published",
                             "rationale": why, "source": cw["source"]})
    left_out = "; ".join(f"'{r['maestro_layer_id']}' ({r.get('note', '')}) -> {', '.join(r['t_ids'])}" for r in skipped)
    return {
        "format": FORMAT,
        "mappingSet": {"id": "owasp-mas-guide-maestro-layers", "title": "MAESTRO layers to Threats and Mitigations T-ids",
                       "source": cw["source"], "publisher": cw["publisher"], "license": cw["license"],
                       "verification": cw["verification"],
                       "notes": [cw["granularity"],
                                 "Left out: the guide's cross-layer row, because the catalog has no entry for"
                                 " 'cross-layer' as a whole (only the individual MAESTRO-CL-T<k> threats): " + left_out]},
        "mappings": mappings,
    }


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared", "reference", "frameworks")
    write("NIST-AI-RMF-1.0/1.0/framework.json", nist(src))
    write("OWASP-ASI-2026/2026/framework.json", asi(src))
    write("OWASP-AGENTIC-THREATS-1.1/1.1/framework.json", threats(src))
    write("CSA-MAESTRO-2025/2025/framework.json", maestro(src))
    write("crosswalks/owasp-asi-2026-appendix-a.json", asi_crosswalk(src))
    write("crosswalks/owasp-mas-guide-maestro-layers.json", maestro_crosswalk(src))


if __name__ == "__main__":
    main()
