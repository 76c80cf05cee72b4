package com.kompaas.webhooks.account.boundary;

/**
 * Who an accepted API key speaks for.
 *
 * @param accountId the key's account; {@code null} for the platform key
 * @param name how the audit log names it: {@code api-key:whk_1a2b3c4d} or {@code platform-key}
 */
public record ApiCaller(String accountId, String name) {

  public boolean isPlatform() {
    return accountId == null;
  }
}
