/**
 * The stored event, once per (account, producer id): what intake writes, subscription renders into
 * requests and delivery sends. Its own component, below both, so that neither has to reach into
 * intake for it.
 */
package com.kompaas.webhooks.event.entity;
