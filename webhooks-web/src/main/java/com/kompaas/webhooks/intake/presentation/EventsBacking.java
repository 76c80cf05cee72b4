package com.kompaas.webhooks.intake.presentation;

import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.intake.boundary.Events;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The events page: the newest events the caller may see (an operator: all accounts). */
@Named
@RequestScoped
public class EventsBacking {

  static final int PAGE = 100;

  @Inject Events events;

  private List<Event> latest;

  public List<Event> getEvents() {
    if (latest == null) {
      latest = events.visible(PAGE);
    }
    return latest;
  }

  public long getTotal() {
    return events.visibleCount();
  }
}
