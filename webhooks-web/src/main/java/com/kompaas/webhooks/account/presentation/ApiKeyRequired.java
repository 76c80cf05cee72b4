package com.kompaas.webhooks.account.presentation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Put on a JAX-RS resource class or method: {@link ApiKeyFilter} then admits only requests with a
 * valid {@code Authorization: Bearer <key>} (account key or platform key) or a signed-in console
 * session, and fills {@link CurrentAccount} before the resource runs.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ApiKeyRequired {}
