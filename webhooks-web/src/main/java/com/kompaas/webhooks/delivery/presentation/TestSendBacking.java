package com.kompaas.webhooks.delivery.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.delivery.boundary.TestSends;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.presentation.WebhookBacking;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "Send a test request" in a webhook's settings window: sends the form's settings as they stand
 * (saved or not) once, and keeps the answer for the page. Lives in delivery, beside the sender it
 * uses; the settings window it reads belongs to subscription, below.
 */
@Named
@ViewScoped
public class TestSendBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebhookBacking webhook;
  @Inject TestSends testSends;
  @Inject CurrentAccount caller;

  private TestSends.Result result;

  public void send() {
    try {
      result =
          testSends.send(
              caller.requireManagedAccountId(), webhook.getId(), webhook.getForm().settings());
    } catch (InvalidWebhookException e) {
      result = null;
      e.errors().forEach(WebhookBacking::show);
    }
  }

  public TestSends.Result getResult() {
    return result;
  }
}
