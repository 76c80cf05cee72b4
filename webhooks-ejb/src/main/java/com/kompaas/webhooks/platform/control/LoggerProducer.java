package com.kompaas.webhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.logging.Logger;

/** A {@link Logger} named after the class it is injected into. */
@ApplicationScoped
public class LoggerProducer {

  @Produces
  public Logger logger(InjectionPoint injectionPoint) {
    return Logger.getLogger(injectionPoint.getMember().getDeclaringClass().getName());
  }
}
