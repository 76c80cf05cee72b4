package com.kompaas.webhooks.account.presentation;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's roles. Sign-in is {@link ConsoleAuthentication}; web.xml says which paths need
 * which roles.
 */
@DeclareRoles({"ACCOUNT_ADMIN", "ACCOUNT_VIEWER", "PLATFORM_OPERATOR"})
@ApplicationScoped
public class SecurityConfiguration {}
