package com.kompaas.webhooks.catalog.presentation;

import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The catalogue's texts in the reader's language. The catalogue is data, stored in English; the
 * shipped groups, types and parameters have translations in {@code i18n/catalog_<lang>.properties}:
 *
 * <ul>
 *   <li>{@code group.<code>}, {@code type.<code>.label}, {@code type.<code>.description};
 *   <li>{@code parameter.<name>}, or {@code parameter.<name>@<type code>} where one name means
 *       something else in one type.
 * </ul>
 *
 * A type an operator has saved in the console ({@link EventType#getUpdatedAt()} set) is shown as
 * stored in every language: the translation was written for the shipped text, not for the edit.
 * Anything without a translation is shown as stored.
 */
@Named("catalogText")
@ApplicationScoped
public class CatalogText {

  static final String BUNDLE = "i18n.catalog";

  public String group(EventGroup group) {
    return in(ConsoleText.locale(), "group." + group.getCode()).orElse(group.getLabel());
  }

  public String label(EventType type) {
    return shipped(type, "type." + type.getCode() + ".label").orElse(type.getLabel());
  }

  public String description(EventType type) {
    return shipped(type, "type." + type.getCode() + ".description").orElse(type.getDescription());
  }

  public String parameter(EventType type, EventParameter parameter) {
    if (type == null) {
      return parameter.getDescription();
    }
    return shipped(type, "parameter." + parameter.getName() + "@" + type.getCode())
        .or(() -> shipped(type, "parameter." + parameter.getName()))
        .orElse(parameter.getDescription());
  }

  private Optional<String> shipped(EventType type, String key) {
    return type.getUpdatedAt() == null ? in(ConsoleText.locale(), key) : Optional.empty();
  }

  static Optional<String> in(Locale locale, String key) {
    try {
      ResourceBundle bundle = ConsoleText.bundle(BUNDLE, locale);
      return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }
}
