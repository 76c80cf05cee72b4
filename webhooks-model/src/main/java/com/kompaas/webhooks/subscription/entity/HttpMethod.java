package com.kompaas.webhooks.subscription.entity;

/** Setting 4: how the request is sent. GET carries the parameters in the query string. */
public enum HttpMethod {
  GET,
  POST
}
