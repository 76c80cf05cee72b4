package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.control.KeyMaterial;
import com.kompaas.webhooks.account.entity.ApiKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues, lists, revokes and checks API keys. The key itself is never stored or logged. */
@Stateless
public class ApiKeys {

  /** A key as issued: {@link #key()} is shown to the user this once. */
  public record Issued(String key, ApiKey apiKey) {
    @Override
    public String toString() {
      return "Issued[" + apiKey.getPrefix() + "...]";
    }
  }

  /** Last-used times are this coarse, so that a busy key does not write on every request. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Accounts accounts;

  @Inject
  @ConfigProperty(name = "webhooks.api.platform-key-hash")
  Optional<String> platformKeyHash;

  public Issued issue(String accountId, String name, String createdBy) {
    if (!accounts.exists(accountId)) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    String key = KeyMaterial.newKey();
    ApiKey apiKey =
        new ApiKey(
            accountId,
            name,
            KeyMaterial.shownPart(key),
            KeyMaterial.sha256(key),
            createdBy,
            clock.instant());
    em.persist(apiKey);
    return new Issued(key, apiKey);
  }

  public List<ApiKey> list(String accountId) {
    return em.createNamedQuery(ApiKey.BY_ACCOUNT, ApiKey.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  /**
   * @return whether the account had such a key
   */
  public boolean revoke(String accountId, long id) {
    Optional<ApiKey> key =
        em.createNamedQuery(ApiKey.BY_ACCOUNT_AND_ID, ApiKey.class)
            .setParameter("accountId", accountId)
            .setParameter("id", id)
            .getResultStream()
            .findFirst();
    key.ifPresent(k -> k.revoke(clock.instant()));
    return key.isPresent();
  }

  /** Who {@code presented} speaks for, or empty for an unknown, revoked or malformed key. */
  public Optional<ApiCaller> authenticate(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 200) {
      return Optional.empty();
    }
    String hash = KeyMaterial.sha256(presented);
    if (platformKeyHash.isPresent()
        && KeyMaterial.sameHash(hash, platformKeyHash.get().strip().toLowerCase(Locale.ROOT))) {
      return Optional.of(new ApiCaller(null, "platform-key"));
    }
    Optional<ApiKey> found =
        em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
            .setParameter("keyHash", hash)
            .getResultStream()
            .findFirst();
    if (found.isEmpty() || found.get().isRevoked()) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    Instant now = clock.instant();
    if (key.getLastUsedAt() == null
        || key.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
      key.used(now);
    }
    return Optional.of(new ApiCaller(key.getAccountId(), "api-key:" + key.getPrefix()));
  }
}
