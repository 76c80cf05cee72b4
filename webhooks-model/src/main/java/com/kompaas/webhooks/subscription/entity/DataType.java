package com.kompaas.webhooks.subscription.entity;

/** Setting 5: the shape of a POST body. */
public enum DataType {
  /** A JSON object of the ticked parameters and the user parameters. */
  JSON("application/json"),
  /** The free-form body template with its placeholders filled in. */
  TEXT("text/plain; charset=utf-8");

  private final String contentType;

  DataType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}
