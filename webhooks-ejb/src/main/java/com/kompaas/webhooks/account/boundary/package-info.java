/**
 * Tenants, users, API keys, the caller of the current request and the audit log.
 *
 * <p>{@link com.kompaas.webhooks.account.boundary.CurrentAccount} is the one place that answers
 * "whose data may this request touch": the signed-in user (Jakarta Security) or the API key the
 * REST filter accepted. Boundaries such as {@code Webhooks} take the account id as a parameter and
 * scope every query by it; pages and resources pass {@code CurrentAccount}'s id.
 *
 * <p>Sign-in goes through {@link com.kompaas.webhooks.account.boundary.AccountIdentityStore}, which
 * lets {@link com.kompaas.webhooks.account.boundary.Accounts} count failures, so brute force locks
 * a user for a doubling time. The first start creates the first users ({@link
 * com.kompaas.webhooks.account.boundary.FirstRun}); the unique login, not a check-then-insert,
 * keeps two instances starting together from creating two.
 */
package com.kompaas.webhooks.account.boundary;
