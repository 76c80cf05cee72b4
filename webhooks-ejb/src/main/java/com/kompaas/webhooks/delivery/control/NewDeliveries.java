package com.kompaas.webhooks.delivery.control;

import java.util.List;

/**
 * Deliveries just created, claimed and leased, in the transaction that fires this: the dispatcher
 * observes it after that transaction commits ({@code AFTER_SUCCESS}) and hands them to the senders,
 * and never if it rolls back. The one hand-over after commit, whoever stored the event (the JMS
 * consumers, the HTTP intake, a redrive).
 */
public record NewDeliveries(List<Job> jobs) {

  public NewDeliveries {
    jobs = List.copyOf(jobs);
  }
}
