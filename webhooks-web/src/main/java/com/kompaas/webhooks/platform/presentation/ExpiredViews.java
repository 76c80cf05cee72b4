package com.kompaas.webhooks.platform.presentation;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form posted back with a view state the server does not have: the view expired (the session
 * dropped it for newer ones, or the server restarted) or the state was never issued (forged,
 * including {@code stateless} for a page that is not). The server cannot tell the two apart, and
 * the same request can never succeed, so the answer is <b>400</b> with the friendly "page has
 * expired" page, not 500 — and not 410, which would say the page's URL is gone and is cacheable by
 * default. It is logged as one line, without the posted state (a forged one is the caller's text).
 * An Ajax request gets the same page in its Ajax answer from OmniFaces' {@code
 * FullAjaxExceptionHandler}, which this handler wraps; that answer stays 200, as the browser
 * applies no other.
 */
public class ExpiredViews extends ExceptionHandlerWrapper {

  static final String PAGE = "/WEB-INF/errors/expired.xhtml";

  // not a CDI bean (Faces creates exception handlers), so no injected logger
  private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

  /** Registered in faces-config.xml after OmniFaces' factory, so it wraps that handler. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ExpiredViews(getWrapped().getExceptionHandler());
    }
  }

  public ExpiredViews(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
    if (context != null
        && queued.hasNext()
        && isUnknownView(context, queued.next().getContext().getException())) {
      boolean ajax = context.getPartialViewContext().isAjaxRequest();
      ExternalContext external = context.getExternalContext();
      LOG.info(
          () ->
              "Form post to "
                  + ((HttpServletRequest) external.getRequest()).getRequestURI()
                  + " refused: expired or unknown view state; answered "
                  + (ajax ? "the expired page in the Ajax response" : "400 with the expired page"));
      if (!ajax && !external.isResponseCommitted()) {
        queued.remove();
        external.setResponseStatus(400);
        UIViewRoot page = context.getApplication().getViewHandler().createView(context, PAGE);
        context.setViewRoot(page);
        context.renderResponse();
      }
      // an Ajax one stays queued: the wrapped FullAjaxExceptionHandler renders the page
    }
    getWrapped().handle();
  }

  private static boolean isUnknownView(FacesContext context, Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    // "stateless" makes Faces build the page afresh, and it refuses for a page that keeps state
    return context.getCurrentPhaseId() == PhaseId.RESTORE_VIEW
        && "stateless"
            .equals(
                external(context)
                    .getRequestParameterMap()
                    .get(ResponseStateManager.VIEW_STATE_PARAM));
  }

  private static ExternalContext external(FacesContext context) {
    return context.getExternalContext();
  }
}
