package com.kompaas.webhooks.account.presentation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@link SecurityHeaders} on the answers of an authentication mechanism. The container runs the
 * mechanism before any servlet filter, and Jakarta Security's "login to continue" interceptor
 * redirects to the sign-in page without calling the mechanism at all, so this interceptor must run
 * outside it ({@code PLATFORM_BEFORE}; Jakarta Security's own are {@code PLATFORM_BEFORE + 200} and
 * up).
 */
@WithSecurityHeaders
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class SecurityHeadersInterceptor {

  @AroundInvoke
  public Object apply(InvocationContext invocation) throws Exception {
    Object[] args = invocation.getParameters();
    if (args != null
        && args.length >= 2
        && args[0] instanceof HttpServletRequest request
        && args[1] instanceof HttpServletResponse response) {
      SecurityHeaders.apply(request, response);
    }
    return invocation.proceed();
  }
}
