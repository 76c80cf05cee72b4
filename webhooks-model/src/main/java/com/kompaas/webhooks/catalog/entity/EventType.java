package com.kompaas.webhooks.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A kind of event a webhook can subscribe to, such as {@code call.incoming.start}. */
@Entity
@Table(name = "event_type")
@NamedQuery(
    name = EventType.ALL,
    query =
        "select t from EventType t join fetch t.group g order by g.position, t.position, t.code")
@NamedQuery(name = EventType.CODES, query = "select t.code from EventType t")
@NamedQuery(
    name = EventType.BY_CODE,
    query = "select t from EventType t join fetch t.group where t.code = :code")
public class EventType {

  public static final String ALL = "EventType.all";

  /** Just the codes: the intake checks every event against them. */
  public static final String CODES = "EventType.codes";

  public static final String BY_CODE = "EventType.byCode";

  /** The same length as an event's type, so every stored event can name its catalogue entry. */
  public static final int CODE_LENGTH = 128;

  public static final int LABEL_LENGTH = 128;
  public static final int DESCRIPTION_LENGTH = 1000;
  public static final int UPDATED_BY_LENGTH = 120;

  @Id
  @Column(name = "code", nullable = false, length = CODE_LENGTH)
  private String code;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "group_code", nullable = false)
  private EventGroup group;

  @Column(name = "label", nullable = false, length = LABEL_LENGTH)
  private String label;

  @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
  private String description;

  @Column(name = "position", nullable = false)
  private int position;

  // eager with one subselect per query: callers outside the transaction (UI) read them all
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "event_parameter",
      joinColumns = @JoinColumn(name = "event_type_code", nullable = false))
  @OrderBy("position")
  private List<EventParameter> parameters = new ArrayList<>();

  /** When an operator last saved it in the console; null for a type that came by migration. */
  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by", length = UPDATED_BY_LENGTH)
  private String updatedBy;

  protected EventType() {}

  public EventType(
      String code,
      EventGroup group,
      String label,
      String description,
      int position,
      List<EventParameter> parameters) {
    this.code = Objects.requireNonNull(code);
    this.group = Objects.requireNonNull(group);
    this.label = Objects.requireNonNull(label);
    this.description = Objects.requireNonNull(description);
    this.position = position;
    this.parameters = new ArrayList<>(parameters);
  }

  /**
   * An operator's edit: everything but the code, which webhooks and stored events refer to. The
   * parameter list is replaced as a whole, in the order given.
   */
  public void update(
      EventGroup group,
      String label,
      String description,
      int position,
      List<EventParameter> parameters,
      String operator,
      Instant at) {
    this.group = Objects.requireNonNull(group);
    this.label = Objects.requireNonNull(label);
    this.description = Objects.requireNonNull(description);
    this.position = position;
    this.parameters.clear();
    this.parameters.addAll(parameters);
    stamp(operator, at);
  }

  /** Who saved it last in the console, and when. */
  public void stamp(String operator, Instant at) {
    String who = Objects.requireNonNull(operator);
    this.updatedBy = who.length() > UPDATED_BY_LENGTH ? who.substring(0, UPDATED_BY_LENGTH) : who;
    this.updatedAt = Objects.requireNonNull(at);
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public String getCode() {
    return code;
  }

  public EventGroup getGroup() {
    return group;
  }

  public String getLabel() {
    return label;
  }

  public String getDescription() {
    return description;
  }

  public int getPosition() {
    return position;
  }

  /** All parameters, common ones first, in catalogue order. */
  public List<EventParameter> getParameters() {
    return Collections.unmodifiableList(parameters);
  }

  public Optional<EventParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.getName().equals(name)).findFirst();
  }

  public boolean hasParameter(String name) {
    return parameter(name).isPresent();
  }

  public Set<String> parameterNames() {
    return parameters.stream().map(EventParameter::getName).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventType other && code.equals(other.code);
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
