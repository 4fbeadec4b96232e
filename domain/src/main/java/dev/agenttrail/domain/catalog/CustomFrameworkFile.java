package dev.agenttrail.domain.catalog;

import dev.agenttrail.catalog.api.IdSyntax;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One uploaded framework file: the framework version it defines, the file exactly as sent, its
 * SHA-256, who sent it and when. Rows are never changed after they are written, so there is no
 * {@code @Version}; the business key is the framework id and version, unique in the table.
 */
@Entity
@Table(name = "custom_framework_file")
@NamedQuery(
    name = "CustomFrameworkFile.inUploadOrder",
    query = "SELECT f FROM CustomFrameworkFile f ORDER BY f.uploadedAt, f.id")
@NamedNativeQuery(
    name = "CustomFrameworkFile.stamp",
    query = "SELECT COUNT(*), MAX(uploaded_at) FROM custom_framework_file")
@NamedQuery(
    name = "CustomFrameworkFile.countForKey",
    query = "SELECT COUNT(f) FROM CustomFrameworkFile f"
        + " WHERE f.frameworkId = :frameworkId AND f.version = :version")
public class CustomFrameworkFile {

  /** The longest file kept, in characters (the column's size). */
  public static final int MAX_CONTENT_LENGTH = 1_000_000;

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "framework_id", nullable = false, updatable = false)
  private String frameworkId;

  @Column(name = "version", nullable = false, updatable = false)
  private String version;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "content", nullable = false, updatable = false)
  private String content;

  @Column(name = "sha256", nullable = false, updatable = false)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected CustomFrameworkFile() {}

  /**
   * A file as uploaded. The caller has validated {@code content} against the catalog; this only
   * checks what the table needs.
   *
   * @throws IllegalArgumentException if an argument is missing or too long
   */
  public static CustomFrameworkFile upload(
      String frameworkId,
      String version,
      String fileName,
      String content,
      String uploadedBy,
      Instant now) {
    if (!IdSyntax.isFrameworkId(frameworkId) || !IdSyntax.isVersion(version)) {
      throw new IllegalArgumentException(
          "invalid framework id or version: '" + frameworkId + "' '" + version + "'");
    }
    requireText(fileName, "a file name", 255);
    requireText(content, "the file content", MAX_CONTENT_LENGTH);
    requireText(uploadedBy, "the uploader", 128);
    CustomFrameworkFile f = new CustomFrameworkFile();
    f.id = UUID.randomUUID().toString();
    f.frameworkId = frameworkId;
    f.version = version;
    f.fileName = fileName;
    f.content = content;
    f.sha256 = sha256(content);
    f.uploadedBy = uploadedBy;
    f.uploadedAt = Objects.requireNonNull(now, "now");
    return f;
  }

  /** Hex SHA-256 of the UTF-8 bytes of a text. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(what + " must be 1 to " + maxLength + " characters");
    }
  }

  public String id() {
    return id;
  }

  public String frameworkId() {
    return frameworkId;
  }

  public String version() {
    return version;
  }

  /** {@code FRAMEWORK@VERSION}, as the catalog names the framework version. */
  public String key() {
    return frameworkId + "@" + version;
  }

  public String fileName() {
    return fileName;
  }

  public String content() {
    return content;
  }

  public String sha256() {
    return sha256;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomFrameworkFile other && key().equals(other.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return key() + " (" + fileName + ")";
  }
}
