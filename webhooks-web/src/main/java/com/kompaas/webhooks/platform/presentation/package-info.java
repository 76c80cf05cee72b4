/**
 * What every page and resource shares: the console's texts in its languages, formatting, the REST
 * API's application and its error mapping, expired views and error pages.
 */
package com.kompaas.webhooks.platform.presentation;
