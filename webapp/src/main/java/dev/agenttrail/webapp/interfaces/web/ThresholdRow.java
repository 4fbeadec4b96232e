package dev.agenttrail.webapp.interfaces.web;

import java.io.Serializable;

/** A signal threshold as the Admin page edits it: its name, default and the value typed. */
public final class ThresholdRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String defaultValue;
  private String value;

  ThresholdRow(String name, String value, String defaultValue) {
    this.name = name;
    this.value = value;
    this.defaultValue = defaultValue;
  }

  public String getName() {
    return name;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
