package com.kompaas.webhooks.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The message contract and the catalogue: whether a raw message is an event we take. Runs before
 * the batch's transaction opens: the account and type checks are cached, and the reads behind the
 * caches go through the account and catalogue boundaries, each in a transaction of its own. (Read
 * with the container's entity manager outside a transaction, on the intake's long-lived consumer
 * threads, it was found closed after a quiet spell: every consumer failed its next batch with
 * "Session/EntityManager is closed" until it handed over to a new thread, docs/benchmarks.md.)
 */
@ApplicationScoped
public class EventChecks {

  private final EventParser parser = new EventParser();

  @Inject KnownEventTypes knownTypes;

  @Inject KnownAccounts knownAccounts;

  /**
   * @throws InvalidEventException with the reason
   */
  public IncomingEvent validated(String body) {
    IncomingEvent incoming = parser.parse(body);
    if (!knownTypes.contains(incoming.type())) {
      throw new InvalidEventException(
          "type '" + incoming.type() + "' is not in the event catalogue");
    }
    if (!knownAccounts.contains(incoming.accountId())) {
      throw new InvalidEventException(
          "accountId '" + incoming.accountId() + "' is not a known account");
    }
    return incoming;
  }
}
