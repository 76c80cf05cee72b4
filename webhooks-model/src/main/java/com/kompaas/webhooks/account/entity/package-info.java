/**
 * Tenants and the people and programs acting for them. An {@link
 * com.kompaas.webhooks.account.entity.Account}'s id is the very string producers send as {@code
 * accountId}, so no mapping table sits between events and tenants.
 *
 * <p>A {@link com.kompaas.webhooks.account.entity.User} keeps a password hash (PBKDF2, computed by
 * Jakarta Security, never here) and its own brute-force state: repeated failures lock it for a
 * growing time. An {@link com.kompaas.webhooks.account.entity.ApiKey} keeps only a SHA-256 of the
 * key; the key is shown once when issued. {@link com.kompaas.webhooks.account.entity.AuditEntry}
 * rows record webhook changes with secrets already masked.
 */
package com.kompaas.webhooks.account.entity;
