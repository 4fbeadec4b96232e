package dev.agenttrail.reports.evidence;

import java.io.IOException;
import java.io.OutputStream;

/** Lays an assembled pack out as a document for the review board. */
public interface EvidencePackRenderer {

  void render(EvidencePack pack, OutputStream out) throws IOException;
}
