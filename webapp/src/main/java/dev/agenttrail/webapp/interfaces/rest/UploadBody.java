package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.shared.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/** Reads an uploaded framework file: UTF-8, uncompressed, at most 1,000,000 bytes. */
final class UploadBody {

  /** Fits the stored column: UTF-8 never has more characters than bytes. */
  static final int MAX_BYTES = CustomFrameworkFile.MAX_CONTENT_LENGTH;

  static final String DEFAULT_FILE_NAME = "framework.json";

  /** Printable, no path separators: the name only labels problems and the stored file. */
  private static final Pattern FILE_NAME = Pattern.compile("[^\\p{Cntrl}/\\\\]{1,255}");

  private UploadBody() {}

  static String fileName(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_FILE_NAME;
    }
    String name = text.strip();
    if (!FILE_NAME.matcher(name).matches()) {
      throw SourceResource.invalid(
          "/fileName", "'fileName' must be 1 to 255 printable characters without '/' or '\\'");
    }
    return name;
  }

  static String read(InputStream body, String contentEncoding) {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.trim().equalsIgnoreCase("identity")) {
      throw new Problem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Send the framework file uncompressed (no Content-Encoding).");
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(65536);
      byte[] buffer = new byte[65536];
      int n;
      while ((n = body.read(buffer)) > 0) {
        if (out.size() + n > MAX_BYTES) {
          throw new Problem(
              ProblemType.PAYLOAD_TOO_LARGE,
              "A framework file may have at most " + MAX_BYTES + " bytes.");
        }
        out.write(buffer, 0, n);
      }
      return Utf8.decode(out.toByteArray())
          .orElseThrow(() -> new Problem(ProblemType.MALFORMED_BODY, "The framework file is not valid UTF-8."));
    } catch (IOException e) {
      throw new Problem(
          ProblemType.MALFORMED_BODY, "The body could not be read: the upload was cut short.");
    }
  }
}
