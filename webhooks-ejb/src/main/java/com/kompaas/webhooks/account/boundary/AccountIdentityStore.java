package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The console's users, for Jakarta Security. Validation goes through {@link Accounts#signIn}, which
 * counts failures and refuses locked users; a lock and a wrong password look the same to the
 * caller. The caller's group is its role's name.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject Accounts accounts;

  @Inject Logger log;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String name = login.getCaller();
    Accounts.SignIn outcome = accounts.signIn(name, login.getPasswordAsString());
    if (outcome != Accounts.SignIn.SUCCESS) {
      // the login is typed by anyone; keep it out of the log's structure
      log.info(
          () ->
              "sign-in refused ("
                  + outcome
                  + ") for login of "
                  + (name == null ? 0 : name.length())
                  + " characters");
      return CredentialValidationResult.INVALID_RESULT;
    }
    User user = accounts.user(name).orElseThrow();
    return new CredentialValidationResult(user.getLogin(), Set.of(user.getRole().name()));
  }
}
