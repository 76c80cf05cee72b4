package com.kompaas.webhooks.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A heading of the "New Web hook" window, such as "Telephony calls". */
@Entity
@Table(name = "event_group")
@NamedQuery(name = EventGroup.ALL, query = "select g from EventGroup g order by g.position, g.code")
public class EventGroup {

  public static final String ALL = "EventGroup.all";

  public static final int CODE_LENGTH = 64;
  public static final int LABEL_LENGTH = 128;

  @Id
  @Column(name = "code", nullable = false, length = CODE_LENGTH)
  private String code;

  @Column(name = "label", nullable = false, length = LABEL_LENGTH)
  private String label;

  @Column(name = "position", nullable = false)
  private int position;

  protected EventGroup() {}

  public EventGroup(String code, String label, int position) {
    this.code = Objects.requireNonNull(code);
    this.label = Objects.requireNonNull(label);
    this.position = position;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public int getPosition() {
    return position;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventGroup other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
