/**
 * The lowest layer of the application, which every component may use and which uses none of them:
 * the vocabulary of refusals ({@link com.kompaas.webhooks.platform.control.FieldError}, {@link
 * com.kompaas.webhooks.platform.control.InvalidInputException}, {@link
 * com.kompaas.webhooks.platform.control.AccessDeniedException}), network ranges, back-off, and the
 * JDBC helpers of the hot path (group commit, multi-row statements, the transaction's connection,
 * telling a database's refusal of data from its failure).
 */
package com.kompaas.webhooks.platform.control;
