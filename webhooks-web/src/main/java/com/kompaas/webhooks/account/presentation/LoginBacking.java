package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.platform.presentation.ConsoleText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/** The sign-in form. */
@Named
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext securityContext;

  @NotBlank
  @Size(max = 100)
  private String login;

  @NotBlank
  @Size(max = 128)
  private String password;

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    // a new session id for the signed-in session: an id planted before sign-in is worth nothing
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(login, new Password(password)))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete(); // redirected to the page asked for
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/webhooks.xhtml");
      default -> {
        // A refused sign-in leaves the container's "login to continue" state in the session, and
        // the next request for a protected page was answered with an empty page. Start afresh:
        // the language choice survives in its cookie.
        var session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        ConsoleText.error("login.refused");
      }
    }
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
