package com.kompaas.webhooks.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Console sign-in: a form of our own ({@code login.xhtml}, which calls {@code
 * SecurityContext.authenticate}) against {@link AccountIdentityStore}. The container keeps the
 * signed-in caller in the HTTP session; web.xml says which paths need which roles.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/login.xhtml",
            useForwardToLogin = false, // a redirect, so the browser shows the login page's own URL
            errorPage = ""))
@DeclareRoles({"ACCOUNT_ADMIN", "ACCOUNT_VIEWER", "PLATFORM_OPERATOR"})
@ApplicationScoped
public class SecurityConfiguration {}
