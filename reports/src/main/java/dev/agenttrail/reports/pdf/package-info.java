/**
 * The PDF of an evidence pack, and the only PDFBox code of AgentTrail: {@link
 * dev.agenttrail.reports.pdf.PdfEvidencePackRenderer} lays out the sections, {@code PageWriter}
 * handles fonts, line and page breaks, headers, page numbers and bookmarks.
 */
package dev.agenttrail.reports.pdf;
