/** The console's sign-in, users, API keys and audit pages, and the account REST resources. */
package com.kompaas.webhooks.account.presentation;
