package com.kompaas.webhooks.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The customers' endpoints, in this JVM so that its clock is the publisher's: it stamps each
 * request's arrival under the event's sequence number, which the webhook's JSON body carries as
 * {@code messageId}, and, for the fan-out scenario, under the webhook's place {@code k} among the
 * event's ten ({@code /fan/k}). {@code /hook/*} and {@code /fan/*} answer 200 with no body at once,
 * with keep-alive ({@code /raw} too, recording nothing: the raw limit); {@code /dead} never
 * answers, and holds the connection until {@link #releaseHeld}.
 *
 * <p>Netty on its own event loop threads (one is plenty on two cores): no thread per request and no
 * copy of the body, so the receiver costs the machine as little as a real customer's endpoint would
 * cost it, which is nothing. Netty is already on the classpath through the Artemis client.
 */
final class Receiver implements AutoCloseable {

  private static final byte[] KEY = "\"messageId\":\"".getBytes(StandardCharsets.US_ASCII);

  private final EventLoopGroup loops;
  private final Channel server;

  /**
   * Webhooks per event at most, the fan-out scenario's ten: arrivals are kept per (event, webhook).
   */
  static final int FAN_MAX = 10;

  private final AtomicLongArray arrivals;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unparsed = new AtomicLong();
  private final AtomicLong deadRequests = new AtomicLong();
  private final AtomicLong rawRequests = new AtomicLong();
  private final ConcurrentLinkedQueue<Channel> held = new ConcurrentLinkedQueue<>();

  Receiver(int capacity, int threads) throws InterruptedException {
    arrivals = new AtomicLongArray(capacity * FAN_MAX);
    loops =
        new NioEventLoopGroup(
            threads,
            r -> {
              Thread t = new Thread(r, "receiver");
              t.setDaemon(true);
              return t;
            });
    ChannelHandler handler = new Handler();
    server =
        new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), handler);
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @ChannelHandler.Sharable
  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      long now = System.nanoTime();
      if (request.uri().startsWith("/dead")) {
        deadRequests.incrementAndGet();
        held.add(ctx.channel()); // no answer: the sender's timeout must end it
        return;
      }
      if (request.uri().startsWith("/raw")) {
        rawRequests.incrementAndGet(); // the raw limit: the same answer, nothing recorded
        answer(ctx, request);
        return;
      }
      int seq = sequence(request.content());
      int k = request.uri().startsWith("/fan/") ? fanIndex(request.uri()) : 0;
      if (seq >= 0 && seq < arrivals.length() / FAN_MAX && k >= 0) {
        if (!arrivals.compareAndSet(seq * FAN_MAX + k, 0, now)) {
          duplicates.incrementAndGet();
        }
      } else {
        unparsed.incrementAndGet();
      }
      received.incrementAndGet();
      answer(ctx, request);
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a sender that hung up mid-request; nothing to report
    }
  }

  /** {@code k} of {@code /fan/k}, or -1. */
  static int fanIndex(String uri) {
    String rest = uri.substring("/fan/".length());
    return rest.length() == 1 && rest.charAt(0) >= '0' && rest.charAt(0) < '0' + FAN_MAX
        ? rest.charAt(0) - '0'
        : -1;
  }

  /** The digits after {@code "messageId":"}, without a JSON parser on the hot path. */
  static int sequence(byte[] body) {
    return sequence(Unpooled.wrappedBuffer(body));
  }

  static int sequence(ByteBuf body) {
    int start = body.readerIndex();
    int end = body.writerIndex();
    outer:
    for (int i = start; i + KEY.length < end; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (body.getByte(i + k) != KEY[k]) {
          continue outer;
        }
      }
      int j = i + KEY.length;
      if (j >= end || body.getByte(j) < '0' || body.getByte(j) > '9') {
        return -1;
      }
      long value = 0;
      while (j < end
          && body.getByte(j) >= '0'
          && body.getByte(j) <= '9'
          && value <= Integer.MAX_VALUE) {
        value = value * 10 + (body.getByte(j++) - '0');
      }
      return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
    return -1;
  }

  long arrival(int seq) {
    return arrivals.get(seq * FAN_MAX);
  }

  /**
   * When the request of the event {@code seq} to the fan-out webhook {@code k} arrived; 0 if not
   * yet.
   */
  long arrival(int seq, int k) {
    return arrivals.get(seq * FAN_MAX + k);
  }

  long received() {
    return received.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long unparsed() {
    return unparsed.get();
  }

  long rawRequests() {
    return rawRequests.get();
  }

  long deadRequests() {
    return deadRequests.get();
  }

  void releaseHeld() {
    Channel channel;
    while ((channel = held.poll()) != null) {
      channel.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    releaseHeld();
    server.close().sync();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
  }
}
