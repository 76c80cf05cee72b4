/**
 * What spans the whole REST API and so sits above every component: the OpenAPI filter that lists
 * the enums of the records and query parameters of several components.
 */
package com.kompaas.webhooks.api;
