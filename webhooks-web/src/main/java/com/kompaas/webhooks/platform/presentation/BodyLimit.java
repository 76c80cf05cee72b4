package com.kompaas.webhooks.platform.presentation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limit of request bodies, enforced before a body is read whole: a declared {@code
 * Content-Length} over the limit is refused before a byte is read, and a body without one (chunked)
 * is counted while it is read and cut off at the limit. Both answer {@code 413} naming {@code
 * body}.
 *
 * <p>Events get their own limit: the event contract allows 256 KiB of UTF-8, and the parser says so
 * with a {@code 400} that names the rule; this limit sits a margin above it so that answer is
 * heard, and only bodies far beyond it are cut off here.
 *
 * <p>Reading a body is also where malformed JSON surfaces, as whatever the reader throws: it is
 * answered {@code 400} on {@code body} here, not left to turn into a {@code 500}.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  /** The one resource that takes events; everything else takes settings. */
  private static final String EVENTS_PATH = "events";

  @Inject
  @ConfigProperty(name = "webhooks.api.max-body-bytes", defaultValue = "524288")
  long maxBody;

  @Inject
  @ConfigProperty(name = "webhooks.api.max-event-body-bytes", defaultValue = "327680")
  long maxEventBody;

  private long limit(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.equals(EVENTS_PATH) || path.startsWith(EVENTS_PATH + "/") ? maxEventBody : maxBody;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limit(request);
    request.setProperty(BodyLimit.class.getName(), limit);
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw ApiException.invalid(HttpHeaders.CONTENT_LENGTH, "is not a number of bytes");
      }
      if (length > limit) {
        throw tooLarge(limit);
      }
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object limit = context.getProperty(BodyLimit.class.getName());
    Counted counted = new Counted(context.getInputStream(), limit instanceof Long l ? l : maxBody);
    context.setInputStream(counted);
    try {
      return context.proceed();
    } catch (WebApplicationException e) {
      if (counted.exceeded) {
        throw tooLarge(counted.limit);
      }
      throw e;
    } catch (StackOverflowError e) {
      throw ApiException.invalid("body", "is nested too deeply");
    } catch (RuntimeException | IOException e) {
      if (counted.exceeded) {
        throw tooLarge(counted.limit);
      }
      throw ApiException.invalid("body", "is not the JSON this request takes" + where(e));
    }
  }

  private static String where(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParsingException p && p.getLocation() != null) {
        return " (line "
            + p.getLocation().getLineNumber()
            + ", column "
            + p.getLocation().getColumnNumber()
            + ")";
      }
    }
    return "";
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "body",
        "is larger than the limit of " + limit + " bytes");
  }

  /** Counts the bytes read and fails the read that goes past the limit. */
  private static final class Counted extends FilterInputStream {

    final long limit;
    long count;
    boolean exceeded;

    Counted(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) throws IOException {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new IOException("request body over " + limit + " bytes");
      }
    }
  }
}
