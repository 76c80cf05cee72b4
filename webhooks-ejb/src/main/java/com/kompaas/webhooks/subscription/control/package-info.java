/**
 * The pure logic behind webhook settings: validation, rendering an event into the exact HTTP
 * request, and the preview with the catalogue's example values. Nothing here needs a container, so
 * all of it is covered by plain unit tests.
 *
 * <p>Decisions: placeholders are {@code {{name}}}; a missing value renders as empty (an empty
 * string in text, JSON {@code null} in a JSON body); escaping depends on where a value lands
 * (percent-encoding in the URL, JSON escaping in JSON, raw in a Text body, line breaks removed in
 * headers). See {@code docs/webhook-settings.md}.
 */
package com.kompaas.webhooks.subscription.control;
