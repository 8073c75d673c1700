package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.wire.StreamFramer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Opens outbound streams: connect, write one request, and for an exchange read one response frame.
 * Each has one deadline, counted from the call; any outcome closes the connection. Thread-safe.
 */
final class StreamConnector {

    private final EventLoopGroup group;
    private final IoMode mode;
    private final int maxFrameBytes;
    private final Optional<StreamTlsContexts> tls;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    StreamConnector(EventLoopGroup group, IoMode mode, int maxFrameBytes, Optional<StreamTlsContexts> tls) {
        this.group = group;
        this.mode = mode;
        this.maxFrameBytes = maxFrameBytes;
        this.tls = tls;
    }

    CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        open(to, timeout, "exchange", response,
                pipeline -> pipeline.addLast(new StreamFrameDecoder(StreamFramer.Side.RESPONSE, maxFrameBytes, StreamBufferBudget.unlimited()),
                        new StreamResponseHandler(response)),
                channel -> channel.writeAndFlush(Unpooled.wrappedBuffer(request)).addListener(written -> {
                    if (!written.isSuccess()) {
                        response.completeExceptionally(written.cause());
                    }
                }));
        return response;
    }

    CompletableFuture<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        open(to, timeout, "send", sent, pipeline -> { },
                channel -> channel.writeAndFlush(Unpooled.wrappedBuffer(message)).addListener(written -> {
                    if (written.isSuccess()) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(written.cause());
                    }
                }));
        return sent;
    }

    /** Fails every stream still under way; later calls fail at once. */
    void close() {
        closed = true;
        for (CompletableFuture<?> stream : pending) {
            stream.completeExceptionally(closedException());
        }
    }

    private <T> void open(InetSocketAddress to, Duration timeout, String what, CompletableFuture<T> result,
                          Consumer<ChannelPipeline> pipeline, Consumer<Channel> onConnected) {
        // Registered before the closed check, so close() either sees this stream or it sees closed.
        pending.add(result);
        result.whenComplete((value, failure) -> pending.remove(result));
        if (closed) {
            result.completeExceptionally(closedException());
            return;
        }
        long timeoutMillis = Math.max(1, timeout.toMillis());
        ChannelFuture connecting = new Bootstrap().group(group).channel(mode.socketChannel())
                .option(ChannelOption.ALLOCATOR, NettyTransport.ALLOCATOR)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        tls.ifPresent(contexts -> channel.pipeline().addLast(contexts.clientHandler(channel.alloc(), to)));
                        pipeline.accept(channel.pipeline());
                    }
                })
                .connect(to);
        Channel channel = connecting.channel();
        result.whenComplete((value, failure) -> channel.close());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(connected.cause());
            } else if (!result.isDone()) {
                onConnected.accept(channel);
            }
        });
        if (!result.isDone()) {
            scheduleDeadline(channel, result, timeoutMillis, "TCP " + what + " with " + to + " timed out after "
                    + timeoutMillis + " ms");
        }
    }

    private static void scheduleDeadline(Channel channel, CompletableFuture<?> result, long timeoutMillis,
                                         String message) {
        try {
            ScheduledFuture<?> deadline = channel.eventLoop().schedule(
                    () -> result.completeExceptionally(new TimeoutException(message)), timeoutMillis, TimeUnit.MILLISECONDS);
            result.whenComplete((value, failure) -> deadline.cancel(false));
        } catch (IllegalStateException | RejectedExecutionException e) {
            // The event loops are shutting down: the transport is being closed.
            result.completeExceptionally(new MemberlistException("transport is closed", e));
        }
    }

    private static MemberlistException closedException() {
        return new MemberlistException("transport is closed");
    }
}
