package com.kompaas.webhooks.catalog.control;

import java.util.List;

/**
 * An event type as an operator entered it, before it is checked: what the catalogue page and the
 * operator API hand to {@code Catalog.save}.
 *
 * @param parameters every parameter the type's events carry, in display order
 */
public record EventTypeDraft(
    String code,
    String groupCode,
    String label,
    String description,
    int position,
    List<Parameter> parameters) {

  public EventTypeDraft {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  /** One parameter; {@code type} is a {@code ParameterType} name such as {@code STRING}. */
  public record Parameter(String name, String type, String description, String example) {}
}
