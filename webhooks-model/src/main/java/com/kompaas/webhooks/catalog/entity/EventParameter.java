package com.kompaas.webhooks.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One available parameter of an event type: what the UI lists, what a placeholder may name, and the
 * example value a preview renders with.
 */
@Embeddable
public class EventParameter {

  public static final int NAME_LENGTH = 64;
  public static final int TYPE_LENGTH = 16;
  public static final int DESCRIPTION_LENGTH = 500;
  public static final int EXAMPLE_LENGTH = 1000;

  /** Orders the list; gaps are allowed so an operator can slot a parameter in between. */
  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private String name;

  // a plain VARCHAR: Hibernate 6 would otherwise expect MariaDB's native ENUM type
  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, columnDefinition = "VARCHAR(16)")
  private ParameterType type;

  @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
  private String description;

  /**
   * The example as text: a string as is, a number or boolean as its literal, an object or array as
   * JSON.
   */
  @Column(name = "example_value", nullable = false, length = EXAMPLE_LENGTH)
  private String example;

  protected EventParameter() {}

  public EventParameter(
      int position, String name, ParameterType type, String description, String example) {
    this.position = position;
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.description = Objects.requireNonNull(description);
    this.example = Objects.requireNonNull(example);
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public ParameterType getType() {
    return type;
  }

  public String getDescription() {
    return description;
  }

  public String getExample() {
    return example;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventParameter other
        && position == other.position
        && name.equals(other.name)
        && type == other.type
        && description.equals(other.description)
        && example.equals(other.example);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, name, type, description, example);
  }

  @Override
  public String toString() {
    return name + ":" + type.label();
  }
}
