package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.entity.Account;
import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.account.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform operators manage tenants and their users; nobody else reaches these. */
@Path("accounts")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts (operators)")
public class AccountsResource {

  /** A tenant. */
  public record AccountJson(String id, String name, Instant createdAt) {}

  /** A user, without anything about the password. */
  public record UserJson(
      String login,
      String role,
      String accountId,
      Instant createdAt,
      Instant lastLoginAt,
      boolean locked) {}

  /** A new user of the account. */
  public record NewUser(String login, String password, String role) {}

  @Inject Accounts accounts;

  @Inject CurrentAccount caller;

  @GET
  @Operation(summary = "Every account")
  public List<AccountJson> list() {
    caller.requireOperator();
    return accounts.accounts().stream().map(AccountsResource::json).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account; its id is the accountId its events carry")
  public Response create(AccountJson request) {
    caller.requireOperator();
    if (request == null || accounts.exists(request.id())) {
      throw new IllegalArgumentException(
          request == null ? "send id and name" : "account " + request.id() + " exists");
    }
    return Response.status(Response.Status.CREATED)
        .entity(json(accounts.createAccount(request.id(), request.name())))
        .build();
  }

  @GET
  @Path("{id}/users")
  @Operation(summary = "The account's users")
  public List<UserJson> users(@PathParam("id") String id) {
    caller.requireOperator();
    if (!accounts.exists(id)) {
      throw new NotFoundException();
    }
    return accounts.users(id).stream().map(AccountsResource::json).toList();
  }

  @POST
  @Path("{id}/users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an ACCOUNT_ADMIN or ACCOUNT_VIEWER to the account")
  public Response addUser(@PathParam("id") String id, NewUser request) {
    caller.requireOperator();
    if (!accounts.exists(id)) {
      throw new NotFoundException();
    }
    if (request == null || request.role() == null) {
      throw new IllegalArgumentException("send login, password and role");
    }
    Role role = Role.valueOf(request.role().strip().toUpperCase(Locale.ROOT));
    if (!role.belongsToAccount()) {
      throw new IllegalArgumentException("operators belong to no account");
    }
    if (accounts.user(request.login()).isPresent()) {
      throw new IllegalArgumentException("login " + request.login() + " is taken");
    }
    return Response.status(Response.Status.CREATED)
        .entity(json(accounts.createUser(request.login(), request.password(), role, id)))
        .build();
  }

  private static AccountJson json(Account a) {
    return new AccountJson(a.getId(), a.getName(), a.getCreatedAt());
  }

  private static UserJson json(User u) {
    return new UserJson(
        u.getLogin(),
        u.getRole().name(),
        u.getAccountId(),
        u.getCreatedAt(),
        u.getLastLoginAt(),
        u.isLockedAt(Instant.now()));
  }
}
