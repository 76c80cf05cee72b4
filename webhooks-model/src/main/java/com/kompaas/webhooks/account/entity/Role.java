package com.kompaas.webhooks.account.entity;

/** What a user may do. The names are also the Jakarta Security groups and the web.xml roles. */
public enum Role {
  /** Manages the account's webhooks and API keys. */
  ACCOUNT_ADMIN,
  /** Reads the account's webhooks and events, changes nothing. */
  ACCOUNT_VIEWER,
  /**
   * Runs the platform: all accounts, the catalogue, the dead-letter store; belongs to no account.
   */
  PLATFORM_OPERATOR;

  public boolean belongsToAccount() {
    return this != PLATFORM_OPERATOR;
  }
}
