package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.control.Credentials;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is signed in, for the top bar, and sign-out. */
@Named
@RequestScoped
public class CallerBacking {

  @Inject CurrentAccount caller;

  public boolean isSignedIn() {
    return caller.isUser();
  }

  public boolean isOperator() {
    return caller.isOperator();
  }

  /** Whether the caller may change webhooks (viewers see the console read-only). */
  public boolean isManager() {
    return caller.canManage();
  }

  /** A stored URL as this caller may see it: viewers see no query value and no password. */
  public String url(String url) {
    return caller.canManage() ? url : Credentials.urlForViewer(url);
  }

  /**
   * Sent header lines of the attempt log as this caller may see them: values hidden from viewers.
   */
  public String headers(String lines) {
    return caller.canManage() ? lines : Credentials.headerLinesForViewer(lines);
  }

  public String getName() {
    return caller.actor().replaceFirst("^user:", "");
  }

  public String getAccount() {
    return caller.accountId().orElse(caller.isOperator() ? ConsoleText.get("top.allAccounts") : "");
  }

  public String getRole() {
    return caller.role().map(r -> ConsoleText.get("role." + r.name())).orElse("");
  }

  public void signOut() throws ServletException, IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
