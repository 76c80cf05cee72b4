/**
 * How delivery works inside, behind its boundary: fan-out ({@code FanOut}), the sender machinery
 * (request building, signing, the HTTP client, the outcome's meaning, the endpoint gate), the
 * attempt writer's group commit ({@code AttemptRecorder}), the one store of every delivery state
 * change ({@code DeliveryStore}, a stateless EJB, with its plain-JDBC statements in {@code
 * DeliveryRows} and {@code AttemptRows}), the immutable webhook copies the senders share ({@code
 * WebhookCopies}, a Caffeine cache) and the retry schedule. The state machine itself is pure and
 * lives with the entity ({@link com.kompaas.webhooks.delivery.entity.DeliveryTransitions}); the
 * pure parts here ({@code RetrySchedule}, {@code OutcomeClassifier}, {@code Signer}, {@code
 * HealthChanges}, {@code EndpointGate}) take their time as an argument and are tested with plain
 * JUnit, the HTTP client with real sockets.
 *
 * <p>Key decisions:
 *
 * <ul>
 *   <li>Signing follows the Standard Webhooks specification, so receivers verify us with its
 *       libraries. A rotated-out secret keeps signing for 24 hours beside the new one. A GET, which
 *       has no body, is signed over {@code GET <url>} in its place, so its query string is signed.
 *   <li>What the settings validator accepts and what the sender sends are decided by the same code:
 *       {@link com.kompaas.webhooks.outbound.control.OutboundUrl} for the URL's form and {@link
 *       com.kompaas.webhooks.outbound.control.HeaderRules} for headers.
 *   <li>The first attempt is immediate and outside the schedule; the default schedule is 8 resends
 *       ({@code 0s,5s,5m,30m,2h,5h,10h,10h}, ±20 % jitter), 9 attempts in all. {@code Retry-After}
 *       on 429/503 can only delay an attempt, within 1 s to 24 h.
 *   <li>Only 2xx is success. Redirects are never followed, so a 3xx is a failure; 410 disables the
 *       webhook.
 *   <li>Outbound safety is checked at save time and again at connect time against the exact address
 *       connected to, which defeats DNS rebinding; an allow-list opens local receivers.
 *   <li>{@link com.kompaas.webhooks.delivery.control.HttpSender} is the one interface here, because
 *       the network is the one real seam. {@link
 *       com.kompaas.webhooks.delivery.control.ApacheHttpSender} is blocking, on the sender threads,
 *       with keep-alive pools bounded per endpoint; Apache HttpClient 5 was chosen by measurement
 *       (docs/benchmarks.md) and because it checks addresses in its own resolver and needs no
 *       JVM-wide system property. It never resends a request: retries are the schedule's.
 *   <li>The delivery row, leased, is the durable truth; nothing about a delivery travels through
 *       the broker. Intake creates deliveries already claimed, so a fresh delivery costs no claim
 *       transaction, and the scheduler recovers whatever a crash left leased.
 *   <li>Attempts are written by {@link com.kompaas.webhooks.platform.control.GroupCommit}: the
 *       senders that finish together share one transaction, each still waiting for its commit, so
 *       batching loses nothing a crash would not have lost anyway. Only infrastructure failures are
 *       retried: an attempt the database refuses for its data is written as a summary, so no
 *       attempt can leave its delivery to be sent again at every lease end.
 * </ul>
 */
package com.kompaas.webhooks.delivery.control;
