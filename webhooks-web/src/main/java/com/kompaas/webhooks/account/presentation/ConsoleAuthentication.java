package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.control.ClientAddress;
import com.kompaas.webhooks.account.control.SignInThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console sign-in: a form of our own ({@code login.xhtml}, which calls {@code
 * SecurityContext.authenticate}) against {@link AccountIdentityStore}, what Jakarta Security's
 * custom-form mechanism does, plus two things it cannot:
 *
 * <ul>
 *   <li>the {@link SignInThrottle} per client address ({@link ClientAddress}), checked before the
 *       password, so a stranger's failures lock the stranger's address, not the login;
 *   <li>the {@link SecurityHeaders} on the redirect to the sign-in page, which the container writes
 *       before any servlet filter runs ({@link WithSecurityHeaders}).
 * </ul>
 *
 * The container keeps the signed-in caller in the HTTP session ({@code @AutoApplySession}).
 */
@AutoApplySession
@LoginToContinue(
    loginPage = "/login.xhtml",
    useForwardToLogin = false, // a redirect, so the browser shows the login page's own URL
    errorPage = "")
@WithSecurityHeaders
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Inject Clock clock;

  @Inject Logger log;

  /** Addresses and CIDR ranges of reverse proxies whose X-Forwarded-For names the client. */
  @Inject
  @ConfigProperty(name = "webhooks.console.trusted-proxies")
  Optional<String> trustedProxies;

  private final SignInThrottle throttle = new SignInThrottle();

  private ClientAddress clients;

  @PostConstruct
  void readProxies() {
    clients = ClientAddress.trusting(trustedProxies.orElse(""));
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential == null) {
      return context.doNothing();
    }
    String login = credential instanceof UsernamePasswordCredential up ? up.getCaller() : "";
    String client = clients.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    if (!throttle.admits(client, login, clock.instant())) {
      // the page says the same as for a wrong password; the password is not even checked
      log.info(() -> "sign-in throttled for a client after repeated failures");
      return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.succeeded(client, login);
    } else {
      throttle.failed(client, login, clock.instant());
    }
    return context.notifyContainerAboutLogin(result);
  }
}
