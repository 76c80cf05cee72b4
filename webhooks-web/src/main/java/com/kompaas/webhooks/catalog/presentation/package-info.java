/** The catalogue of event types in the console (the operator's editor) and over REST. */
package com.kompaas.webhooks.catalog.presentation;
