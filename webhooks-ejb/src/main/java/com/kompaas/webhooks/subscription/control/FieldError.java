package com.kompaas.webhooks.subscription.control;

/**
 * One problem with one setting.
 *
 * @param field the setting's path, such as {@code url}, {@code headers[2].name} or {@code
 *     userParameters[0].value}; indexes count from 0 in the order the user entered the pairs
 * @param message what is wrong and how to fix it, in words for the user
 */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
