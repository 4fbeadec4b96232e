package dev.agenttrail.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Writes flowing text into A4 pages: wraps lines to the width, starts a new page when one is full,
 * puts the running header (period and generation time) on every page and "Page n of N" on every
 * page at the end, and records bookmarks. Characters the embedded font has no glyph for are shown
 * as U+FFFD-like {@code ?} rather than failing the document.
 */
final class PageWriter implements AutoCloseable {

  static final float MARGIN = 50;
  private static final float TOP = PDRectangle.A4.getHeight() - 60;
  private static final float BOTTOM = 60;
  static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final PDDocument document;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final String header;
  private final PDDocumentOutline outline = new PDDocumentOutline();
  private final Map<Integer, Boolean> regularGlyphs = new HashMap<>();
  private final Map<Integer, Boolean> boldGlyphs = new HashMap<>();
  private PDPageContentStream content;
  private PDPage page;
  private float y;

  PageWriter(PDDocument document, String header) throws IOException {
    this.document = document;
    this.header = header;
    this.regular = load(document, "DejaVuSans.ttf");
    this.bold = load(document, "DejaVuSans-Bold.ttf");
    document.getDocumentCatalog().setDocumentOutline(outline);
  }

  private static PDType0Font load(PDDocument document, String name) throws IOException {
    try (InputStream in = PageWriter.class.getResourceAsStream("fonts/" + name)) {
      if (in == null) {
        throw new IOException("font " + name + " is missing from the reports jar");
      }
      return PDType0Font.load(document, in, true);
    }
  }

  /** Starts a new page. */
  void newPage() throws IOException {
    closeContent();
    page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    text(MARGIN, PDRectangle.A4.getHeight() - 35, regular, 8, header, Color.GRAY);
    content.setStrokingColor(Color.LIGHT_GRAY);
    content.moveTo(MARGIN, PDRectangle.A4.getHeight() - 42);
    content.lineTo(MARGIN + WIDTH, PDRectangle.A4.getHeight() - 42);
    content.stroke();
    y = TOP;
  }

  /** A section heading that starts a new page and gets a top-level bookmark. */
  PDOutlineItem section(String title) throws IOException {
    newPage();
    PDOutlineItem item = bookmark(outline, title);
    heading(title, 16);
    return item;
  }

  /** A sub-heading, bookmarked under {@code parent} when one is given. */
  void subheading(PDOutlineItem parent, String title) throws IOException {
    need(40);
    if (parent != null) {
      bookmark(parent, title);
    }
    heading(title, 12);
  }

  private PDOutlineItem bookmark(Object parent, String title) {
    PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
    destination.setPage(page);
    destination.setTop((int) y + 20);
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(title);
    item.setDestination(destination);
    if (parent instanceof PDDocumentOutline o) {
      o.addLast(item);
    } else {
      ((PDOutlineItem) parent).addLast(item);
    }
    return item;
  }

  private void heading(String title, float size) throws IOException {
    y -= size * 0.6f;
    for (String line : wrap(title, bold, size, WIDTH)) {
      need(size * 1.4f);
      text(MARGIN, y, bold, size, line, Color.BLACK);
      y -= size * 1.4f;
    }
    y -= 4;
  }

  /** A paragraph, wrapped, indented by {@code indent}. */
  void paragraph(String text, float indent) throws IOException {
    write(text, indent, regular, 9.5f, Color.BLACK);
  }

  void strong(String text, float indent) throws IOException {
    write(text, indent, bold, 9.5f, Color.BLACK);
  }

  void muted(String text, float indent) throws IOException {
    write(text, indent, regular, 8.5f, Color.DARK_GRAY);
  }

  void gap(float height) {
    y -= height;
  }

  private void write(String text, float indent, PDType0Font font, float size, Color color) throws IOException {
    for (String paragraph : text.split("\n", -1)) {
      for (String line : wrap(paragraph, font, size, WIDTH - indent)) {
        need(size * 1.35f);
        text(MARGIN + indent, y, font, size, line, color);
        y -= size * 1.35f;
      }
    }
  }

  /** One table row: cells at the given x offsets and widths, each wrapped; the row's height is its tallest cell. */
  void row(String[] cells, float[] widths, boolean header) throws IOException {
    PDType0Font font = header ? bold : regular;
    float size = 8.5f;
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> cell = wrap(cells[i] == null ? "" : cells[i], font, size, widths[i] - 4);
      wrapped.add(cell);
      lines = Math.max(lines, cell.size());
    }
    float height = lines * size * 1.3f + 3;
    need(height);
    float x = MARGIN;
    for (int i = 0; i < cells.length; i++) {
      float lineY = y;
      for (String line : wrapped.get(i)) {
        text(x, lineY, font, size, line, Color.BLACK);
        lineY -= size * 1.3f;
      }
      x += widths[i];
    }
    y -= height;
    content.setStrokingColor(new Color(230, 230, 230));
    content.moveTo(MARGIN, y + size);
    content.lineTo(MARGIN + WIDTH, y + size);
    content.stroke();
  }

  /** Horizontal bars: one per label, lengths proportional to the values, the value printed after each bar. */
  void barChart(List<String> labels, List<long[]> values, Color[] colors, List<String> legend) throws IOException {
    float labelWidth = 150;
    float barHeight = 10;
    long max = 1;
    for (long[] v : values) {
      long sum = 0;
      for (long x : v) {
        sum += x;
      }
      max = Math.max(max, sum);
    }
    float scale = (WIDTH - labelWidth - 60) / max;
    for (int i = 0; i < labels.size(); i++) {
      need(barHeight + 6);
      text(MARGIN, y - barHeight + 2, regular, 8.5f, fit(labels.get(i), labelWidth - 6), Color.BLACK);
      float x = MARGIN + labelWidth;
      long total = 0;
      long[] v = values.get(i);
      for (int k = 0; k < v.length; k++) {
        float w = v[k] * scale;
        if (w > 0) {
          content.setNonStrokingColor(colors[k % colors.length]);
          content.addRect(x, y - barHeight, w, barHeight);
          content.fill();
        }
        x += w;
        total += v[k];
      }
      text(x + 4, y - barHeight + 2, regular, 8, v.length == 1 ? Long.toString(total) : join(v), Color.DARK_GRAY);
      y -= barHeight + 5;
    }
    if (legend != null) {
      need(14);
      float x = MARGIN + labelWidth;
      for (int k = 0; k < legend.size(); k++) {
        content.setNonStrokingColor(colors[k % colors.length]);
        content.addRect(x, y - 8, 8, 8);
        content.fill();
        text(x + 11, y - 7, regular, 8, legend.get(k), Color.BLACK);
        x += 20 + width(legend.get(k), regular, 8);
      }
      y -= 14;
    }
    y -= 6;
  }

  private static String join(long[] v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : " / ").append(v[i]);
    }
    return s.toString();
  }

  private String fit(String text, float width) throws IOException {
    String safe = safe(text, regular, regularGlyphs);
    if (width(safe, regular, 8.5f) <= width) {
      return safe;
    }
    while (!safe.isEmpty() && width(safe + "…", regular, 8.5f) > width) {
      safe = safe.substring(0, safe.length() - 1);
    }
    return safe + "…";
  }

  private void need(float height) throws IOException {
    if (content == null || y - height < BOTTOM) {
      newPage();
    }
  }

  private void text(float x, float baseline, PDType0Font font, float size, String text, Color color) throws IOException {
    content.beginText();
    content.setNonStrokingColor(color);
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(safe(text, font, font == bold ? boldGlyphs : regularGlyphs));
    content.endText();
  }

  private List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
    String safe = safe(text, font, font == bold ? boldGlyphs : regularGlyphs);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : safe.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      // a word longer than the line (a hash, a URL) is cut
      String rest = word;
      while (width(rest, font, size) > width) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  private static float width(String text, PDType0Font font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Replaces control characters and characters without a glyph in the font. */
  private static String safe(String text, PDType0Font font, Map<Integer, Boolean> cache) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\t' || cp == '\r' || cp == '\n') {
        out.append(' ');
      } else if (Character.isISOControl(cp)) {
        return;
      } else if (cache.computeIfAbsent(cp, c -> encodable(font, c))) {
        out.appendCodePoint(cp);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static boolean encodable(PDType0Font font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private void closeContent() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  /** Ends the last page and stamps "Page n of N" on every page. */
  @Override
  public void close() throws IOException {
    closeContent();
    int total = document.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage p = document.getPage(i);
      try (PDPageContentStream footer = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String label = "Page " + (i + 1) + " of " + total;
        footer.beginText();
        footer.setNonStrokingColor(Color.GRAY);
        footer.setFont(regular, 8);
        footer.newLineAtOffset(MARGIN + WIDTH - width(label, regular, 8), 30);
        footer.showText(label);
        footer.endText();
      }
    }
  }
}
