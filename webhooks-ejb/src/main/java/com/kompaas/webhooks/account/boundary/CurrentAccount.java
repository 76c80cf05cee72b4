package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.account.entity.User;
import com.kompaas.webhooks.platform.control.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The caller of this request and the account it may act for: the signed-in user, or the API key
 * that the REST filter accepted ({@link #useApiKey(ApiCaller)}). Everything that reads or changes
 * tenant data asks here; nothing takes an account id from request parameters.
 *
 * <p>An account API key acts as an {@link Role#ACCOUNT_ADMIN} of its account. The platform key
 * belongs to no account and may only feed events ({@link #isPlatformKey()}).
 */
@RequestScoped
public class CurrentAccount {

  @Inject SecurityContext securityContext;

  @Inject Accounts accounts;

  private boolean resolved;
  private String name;
  private Role role;
  private String accountId;
  private ApiCaller apiCaller;

  /** Called by the API key filter once it accepted the request's key. */
  public void useApiKey(ApiCaller caller) {
    this.apiCaller = caller;
    this.name = caller.name();
    this.role = caller.isPlatform() ? null : Role.ACCOUNT_ADMIN;
    this.accountId = caller.accountId();
    this.resolved = true;
  }

  private void resolve() {
    if (resolved) {
      return;
    }
    resolved = true;
    Principal principal = securityContext.getCallerPrincipal();
    if (principal == null) {
      return;
    }
    Optional<User> user = accounts.user(principal.getName());
    user.ifPresent(
        u -> {
          name = u.getLogin();
          role = u.getRole();
          accountId = u.getAccountId();
        });
  }

  /** Whether a user is signed in or an API key was accepted. */
  public boolean isAuthenticated() {
    resolve();
    return name != null;
  }

  /** Whether the caller is a signed-in user (not an API key). */
  public boolean isUser() {
    resolve();
    return name != null && apiCaller == null;
  }

  /** The account the caller acts for; empty for operators, the platform key and nobody. */
  public Optional<String> accountId() {
    resolve();
    return Optional.ofNullable(accountId);
  }

  /** The caller's role; an account API key counts as {@link Role#ACCOUNT_ADMIN}. */
  public Optional<Role> role() {
    resolve();
    return Optional.ofNullable(role);
  }

  public boolean isOperator() {
    return role().orElse(null) == Role.PLATFORM_OPERATOR;
  }

  public boolean isPlatformKey() {
    resolve();
    return apiCaller != null && apiCaller.isPlatform();
  }

  /** Whether the caller may change the account's webhooks and keys, not only read them. */
  public boolean canManage() {
    return role().orElse(null) == Role.ACCOUNT_ADMIN;
  }

  /** Whether data of {@code otherAccountId} may be shown to the caller. */
  public boolean canRead(String otherAccountId) {
    return isOperator()
        || (otherAccountId != null && otherAccountId.equals(accountId().orElse(null)));
  }

  /** The account to read in. @throws AccessDeniedException for callers without an account */
  public String requireAccountId() {
    return accountId()
        .orElseThrow(
            () ->
                new AccessDeniedException(
                    isAuthenticated()
                        ? "this caller acts for no account"
                        : "sign in or send an API key"));
  }

  /** The account to change things in. @throws AccessDeniedException unless an admin or key */
  public String requireManagedAccountId() {
    String account = requireAccountId();
    if (!canManage()) {
      throw new AccessDeniedException("your role may only read");
    }
    return account;
  }

  public void requireOperator() {
    if (!isOperator()) {
      throw new AccessDeniedException("only platform operators may do this");
    }
  }

  /** How the audit log names the caller: the login, the key's shown part, or {@code system}. */
  public String actor() {
    resolve();
    if (name == null) {
      return "system";
    }
    return apiCaller == null ? "user:" + name : name;
  }
}
