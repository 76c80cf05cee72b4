package com.kompaas.webhooks.catalog.entity;

/** The JSON type of a parameter's value, as a receiver sees it in a JSON body. */
public enum ParameterType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY;

  /** Lower-case, as JSON Schema and the UI spell it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
