package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.control.Passwords;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On an empty user table, creates the first operator and the demo account's admin. Their passwords
 * come from configuration or are generated and printed to the log this once; the code holds none.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Accounts opens its own
public class FirstRun {

  static final String OPERATOR_PASSWORD = "webhooks.bootstrap.operator-password";
  static final String ADMIN_PASSWORD = "webhooks.bootstrap.admin-password";

  @Inject Accounts accounts;

  @Inject Passwords passwords;

  @Inject Logger log;

  @Inject
  @ConfigProperty(name = OPERATOR_PASSWORD)
  Optional<String> operatorPassword;

  @Inject
  @ConfigProperty(name = ADMIN_PASSWORD)
  Optional<String> adminPassword;

  @PostConstruct
  void createFirstUsers() {
    if (accounts.hasUsers()) {
      return;
    }
    String operator = operatorPassword.orElseGet(passwords::generate);
    String admin = adminPassword.orElseGet(passwords::generate);
    try {
      accounts.createFirstUsers(operator, admin);
    } catch (EJBException e) {
      if (accounts.hasUsers()) {
        log.info("first users were created by another instance starting at the same time");
        return;
      }
      throw e;
    }
    StringBuilder banner =
        new StringBuilder("\n")
            .append("==================== webhooks: first start ====================\n")
            .append("Created platform operator '")
            .append(Accounts.FIRST_OPERATOR)
            .append("' and account '")
            .append(Accounts.DEMO_ACCOUNT)
            .append("' with admin '")
            .append(Accounts.DEMO_ADMIN)
            .append("'.\n");
    if (operatorPassword.isEmpty()) {
      banner
          .append("  password of ")
          .append(Accounts.FIRST_OPERATOR)
          .append(": ")
          .append(operator)
          .append('\n');
    } else {
      banner
          .append("  password of ")
          .append(Accounts.FIRST_OPERATOR)
          .append(": from ")
          .append(OPERATOR_PASSWORD)
          .append('\n');
    }
    if (adminPassword.isEmpty()) {
      banner
          .append("  password of ")
          .append(Accounts.DEMO_ADMIN)
          .append(": ")
          .append(admin)
          .append('\n');
    } else {
      banner
          .append("  password of ")
          .append(Accounts.DEMO_ADMIN)
          .append(": from ")
          .append(ADMIN_PASSWORD)
          .append('\n');
    }
    banner
        .append("Generated passwords are shown this once. Sign in and keep them safe.\n")
        .append("===============================================================");
    log.warning(banner.toString());
  }
}
