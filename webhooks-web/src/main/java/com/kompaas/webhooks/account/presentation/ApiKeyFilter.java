package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.boundary.ApiCaller;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.platform.presentation.ApiExceptionMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates REST calls to resources marked {@link ApiKeyRequired}.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <key>}: an account key acts as that account's admin, the
 *       platform key ({@code webhooks.api.platform-key-hash}) as a trusted producer of no account.
 *       A wrong key is refused even if a session cookie is present.
 *   <li>No Authorization header: the console session's user, so the browser console can call the
 *       API. Such changes must carry {@code X-Requested-By}, a header a cross-site form cannot set,
 *       so a forged request riding on the cookie is refused (CSRF).
 * </ul>
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String CSRF_HEADER = "X-Requested-By";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject ApiKeys apiKeys;

  @Inject CurrentAccount caller;

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      Optional<ApiCaller> key =
          authorization.regionMatches(true, 0, "Bearer ", 0, 7)
              ? apiKeys.authenticate(authorization.substring(7).strip())
              : Optional.empty();
      if (key.isEmpty()) {
        request.abortWith(unauthorized("invalid_token", "unknown or revoked API key"));
        return;
      }
      caller.useApiKey(key.get());
      return;
    }
    if (caller.isUser()) {
      if (!SAFE_METHODS.contains(request.getMethod())
          && request.getHeaderString(CSRF_HEADER) == null) {
        request.abortWith(
            ApiExceptionMapper.error(
                Response.Status.FORBIDDEN,
                "changes with a session cookie need the " + CSRF_HEADER + " header"));
      }
      return;
    }
    request.abortWith(unauthorized(null, "send Authorization: Bearer <API key>"));
  }

  private static Response unauthorized(String error, String message) {
    Response r = ApiExceptionMapper.error(Response.Status.UNAUTHORIZED, message);
    return Response.fromResponse(r)
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"webhooks\"" + (error == null ? "" : ", error=\"" + error + "\""))
        .build();
  }
}
