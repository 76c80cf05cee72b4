package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.control.Passwords;
import com.kompaas.webhooks.account.entity.Account;
import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.account.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and their users. Management methods trust their caller: pages and resources check that it
 * is an operator (see {@link CurrentAccount#requireOperator()}) before they call them.
 */
@Stateless
public class Accounts {

  /** The outcome of one sign-in attempt. */
  public enum SignIn {
    SUCCESS,
    INVALID,
    LOCKED
  }

  /** What the first start created: the generated passwords are empty when they were configured. */
  public record Created(String operatorLogin, String adminLogin) {}

  public static final String FIRST_OPERATOR = "operator";
  public static final String DEMO_ACCOUNT = "demo";
  public static final String DEMO_ADMIN = "demo-admin";

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject Clock clock;

  /** Whether events and webhooks may name this account; the intake rejects events for others. */
  public boolean exists(String accountId) {
    return accountId != null && !accountId.isBlank() && em.find(Account.class, accountId) != null;
  }

  public Optional<Account> account(String accountId) {
    return accountId == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(Account.class, accountId));
  }

  public List<Account> accounts() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList();
  }

  /**
   * @throws jakarta.persistence.PersistenceException (wrapped) if the id is taken
   */
  public Account createAccount(String id, String name) {
    Account account = new Account(id, name, clock.instant());
    em.persist(account);
    em.flush();
    return account;
  }

  /**
   * @param accountId {@code null} for an operator
   * @throws IllegalArgumentException if the account does not exist or the password is too weak
   */
  public User createUser(String login, String password, Role role, String accountId) {
    if (accountId != null && !exists(accountId)) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    User user = new User(login, passwords.hash(password), role, accountId, clock.instant());
    em.persist(user);
    em.flush();
    return user;
  }

  public Optional<User> user(String login) {
    if (login == null || login.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.BY_LOGIN, User.class)
        .setParameter("login", login)
        .getResultStream()
        .findFirst();
  }

  /** An account's users, or every user for {@code null}. */
  public List<User> users(String accountId) {
    if (accountId == null) {
      return em.createNamedQuery(User.ALL, User.class).getResultList();
    }
    return em.createNamedQuery(User.BY_ACCOUNT, User.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  public boolean unlock(String login) {
    Optional<User> user = user(login);
    user.ifPresent(User::unlock);
    return user.isPresent();
  }

  public boolean changePassword(String login, String newPassword) {
    Optional<User> user = user(login);
    user.ifPresent(u -> u.changePasswordHash(passwords.hash(newPassword)));
    return user.isPresent();
  }

  /**
   * Checks a password and records the outcome on the user, in its own transaction so that a failure
   * is counted even though the sign-in fails. A locked user is refused without looking at the
   * password, so guessing during the lock learns nothing.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SignIn signIn(String login, String password) {
    Optional<User> found = user(login);
    if (found.isEmpty()) {
      passwords.verifyAgainstDecoy(password);
      return SignIn.INVALID;
    }
    User user = found.get();
    Instant now = clock.instant();
    if (user.isLockedAt(now)) {
      return SignIn.LOCKED;
    }
    if (passwords.verify(password, user.getPasswordHash())) {
      user.recordSuccess(now);
      return SignIn.SUCCESS;
    }
    user.recordFailure(now);
    return SignIn.INVALID;
  }

  public boolean hasUsers() {
    return em.createNamedQuery(User.COUNT, Long.class).getSingleResult() > 0;
  }

  /**
   * The first start: a platform operator, the {@value #DEMO_ACCOUNT} account and its admin, in one
   * transaction. A second instance doing the same at the same moment fails on the primary key of
   * the account or the unique login and rolls back whole.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Created createFirstUsers(String operatorPassword, String adminPassword) {
    createAccount(DEMO_ACCOUNT, "Demo account");
    createUser(FIRST_OPERATOR, operatorPassword, Role.PLATFORM_OPERATOR, null);
    createUser(DEMO_ADMIN, adminPassword, Role.ACCOUNT_ADMIN, DEMO_ACCOUNT);
    return new Created(FIRST_OPERATOR, DEMO_ADMIN);
  }
}
