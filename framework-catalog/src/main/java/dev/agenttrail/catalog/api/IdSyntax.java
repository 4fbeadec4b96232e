package dev.agenttrail.catalog.api;

import java.util.regex.Pattern;

/**
 * The identifier syntax of the catalog file format, shared by the value objects and the file
 * validator. Entry ids may contain spaces (NIST prints {@code GOVERN 1.1}) but never {@code :} or
 * {@code @}, which separate the parts of an {@link EntryRef}.
 */
public final class IdSyntax {

  private static final Pattern FRAMEWORK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final Pattern ENTRY_ID =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 ._()/+-]{0,62}[A-Za-z0-9)])?");
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern CONTROL_ID = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*");
  private static final Pattern SIGNAL_ID = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
  private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,63}");

  private IdSyntax() {}

  /** Framework ids: letters, digits, {@code . _ -}, e.g. {@code NIST-AI-RMF-1.0}. */
  public static boolean isFrameworkId(String value) {
    return matches(FRAMEWORK_ID, value);
  }

  /** Versions: letters, digits, {@code . _ -}, e.g. {@code 1.0} or {@code 2026}. */
  public static boolean isVersion(String value) {
    return matches(VERSION, value);
  }

  /** Entry ids: letters, digits, space and {@code . _ ( ) / + -}, no leading or trailing space. */
  public static boolean isEntryId(String value) {
    return matches(ENTRY_ID, value) && !value.contains("  ");
  }

  /** Entry kinds: lower case, e.g. {@code subcategory} or {@code threat}. */
  public static boolean isKind(String value) {
    return matches(KIND, value);
  }

  /** Control ids: upper case words joined by {@code -}, e.g. {@code CTRL-01}. */
  public static boolean isControlId(String value) {
    return matches(CONTROL_ID, value);
  }

  /** Signal ids: upper case words joined by {@code _}, e.g. {@code UNDECLARED_TOOL}. */
  public static boolean isSignalId(String value) {
    return matches(SIGNAL_ID, value);
  }

  /** Entry property names: an OSCAL-compatible token, e.g. {@code introducedIn}. */
  public static boolean isPropertyName(String value) {
    return matches(PROPERTY_NAME, value);
  }

  private static boolean matches(Pattern pattern, String value) {
    return value != null && pattern.matcher(value).matches();
  }
}
