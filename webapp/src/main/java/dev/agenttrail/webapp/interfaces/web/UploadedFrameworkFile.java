package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.shared.Utf8;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A framework file from the catalog page's upload form, read by the same rules as {@code POST
 * /api/v1/frameworks}: UTF-8, at most {@link #MAX_BYTES} bytes, a printable file name without path.
 */
final class UploadedFrameworkFile {

  static final int MAX_BYTES = CustomFrameworkFile.MAX_CONTENT_LENGTH;

  static final String DEFAULT_FILE_NAME = "framework.json";

  private static final Pattern FILE_NAME = Pattern.compile("[^\\p{Cntrl}/\\\\]{1,255}");

  private UploadedFrameworkFile() {}

  /** The name without any folder the browser sent; the default name if nothing usable is left. */
  static String fileName(String sent) {
    if (sent == null) {
      return DEFAULT_FILE_NAME;
    }
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
    return FILE_NAME.matcher(name).matches() ? name : DEFAULT_FILE_NAME;
  }

  /** The text of the file, or empty if it is not valid UTF-8. */
  static Optional<String> text(byte[] content) {
    return Utf8.decode(content);
  }
}
