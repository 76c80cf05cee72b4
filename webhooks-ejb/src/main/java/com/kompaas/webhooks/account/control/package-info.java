/**
 * Helpers of the account component: password hashing and policy, API key material, masking of
 * secrets for the audit log.
 */
package com.kompaas.webhooks.account.control;
