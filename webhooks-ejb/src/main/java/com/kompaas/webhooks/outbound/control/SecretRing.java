package com.kompaas.webhooks.outbound.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secrets a webhook signs with. Rotation makes a new current secret while the previous one
 * keeps signing until it expires ({@link #ROTATION_OVERLAP} by default), so a receiver can switch
 * keys without rejecting a single request. Immutable; time is passed in, never read from a clock.
 */
public final class SecretRing {

  public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  /**
   * Most old secrets signing at once. Each keeps its own {@link #ROTATION_OVERLAP}; a sixth
   * rotation within a day drops the oldest early, so a burst of rotations cannot make every request
   * carry an unbounded list of signatures.
   */
  public static final int MAX_PREVIOUS = 5;

  /** A secret that signs until {@code expiresAt}; a null expiry means it is the current one. */
  public record Entry(SigningSecret secret, Instant expiresAt) {
    public Entry {
      Objects.requireNonNull(secret, "secret");
    }

    boolean activeAt(Instant now) {
      return expiresAt == null || now.isBefore(expiresAt);
    }
  }

  private final List<Entry> entries;

  private SecretRing(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static SecretRing of(SigningSecret current) {
    return new SecretRing(List.of(new Entry(current, null)));
  }

  /** Restores a ring from storage: the current secret and those still in their overlap. */
  public static SecretRing of(SigningSecret current, List<Entry> previous) {
    List<Entry> all = new ArrayList<>();
    all.add(new Entry(current, null));
    for (Entry e : previous) {
      if (e.expiresAt() == null) {
        throw new IllegalArgumentException("a previous secret needs an expiry");
      }
      all.add(e);
    }
    return new SecretRing(all);
  }

  public SecretRing rotate(SigningSecret next, Instant now) {
    return rotate(next, now, ROTATION_OVERLAP);
  }

  /**
   * Makes {@code next} current; the old current signs on for {@code overlap}, each older one until
   * its own expiry; expired ones drop, and beyond {@link #MAX_PREVIOUS} the oldest.
   */
  public SecretRing rotate(SigningSecret next, Instant now, Duration overlap) {
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap must not be negative");
    }
    List<Entry> all = new ArrayList<>();
    all.add(new Entry(next, null));
    all.add(new Entry(current(), now.plus(overlap)));
    previous(now).stream().limit(MAX_PREVIOUS - 1).forEach(all::add);
    return new SecretRing(all);
  }

  public SigningSecret current() {
    return entries.get(0).secret();
  }

  /** Older secrets still signing at {@code now}, for storage beside the current one. */
  public List<Entry> previous(Instant now) {
    return entries.stream().skip(1).filter(e -> e.activeAt(now)).toList();
  }

  /** The secrets to sign with at {@code now}, current first. */
  public List<SigningSecret> signingAt(Instant now) {
    return entries.stream().filter(e -> e.activeAt(now)).map(Entry::secret).toList();
  }

  @Override
  public String toString() {
    return "SecretRing[" + entries.size() + " secrets]";
  }
}
