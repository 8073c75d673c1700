package dev.memberlist.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Opens outbound TCP streams: connect, write one request, and for an exchange read one response frame.
 * Each has one deadline, counted from the call; any outcome closes the connection. Thread-safe.
 */
final class StreamConnector {

    private final EventLoopGroup group;
    private final IoMode mode;
    private final StreamPipelines pipelines;
    private final Optional<StreamTlsContexts> tls;
    private final PendingStreams pending = new PendingStreams();

    StreamConnector(EventLoopGroup group, IoMode mode, StreamPipelines pipelines, Optional<StreamTlsContexts> tls) {
        this.group = group;
        this.mode = mode;
        this.pipelines = pipelines;
        this.tls = tls;
    }

    CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        open(to, timeout, "exchange", response, pipeline -> pipelines.initializeExchange(pipeline, response),
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
        pending.close();
    }

    private <T> void open(InetSocketAddress to, Duration timeout, String what, CompletableFuture<T> result,
                          Consumer<ChannelPipeline> pipeline, Consumer<Channel> onConnected) {
        if (!pending.register(result)) {
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
            PendingStreams.scheduleDeadline(channel.eventLoop(), result, timeoutMillis, "TCP " + what + " with " + to
                    + " timed out after " + timeoutMillis + " ms");
        }
    }
}
