package dev.memberlist.bench.streams;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.transport.netty.NettyTransport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures one stream layer at one push/pull size: a server node answers every push/pull with a state
 * as large as the one it received; fresh client nodes time their first exchange (connection set-up
 * included), then one warm client times exchanges one after another, then several at once.
 */
final class StreamLatencyRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StreamSetup setup;
    private final PushPullPayloads payloads;
    private final StreamLatencyOptions options;

    StreamLatencyRun(StreamSetup setup, PushPullPayloads payloads, StreamLatencyOptions options) {
        this.setup = setup;
        this.payloads = payloads;
        this.options = options;
    }

    StreamLatencyResult measure() {
        try (NettyTransport server = start("server", stream -> stream.reply(payloads.response()))) {
            InetSocketAddress target = server.advertiseAddress();
            long[] first = new long[options.freshNodes()];
            for (int i = 0; i < first.length; i++) {
                try (NettyTransport fresh = start("fresh-" + i, InboundStream::close)) {
                    first[i] = timeExchange(fresh, target);
                }
            }
            try (NettyTransport client = start("client", InboundStream::close)) {
                for (int i = 0; i < options.warmup(); i++) {
                    timeExchange(client, target);
                }
                long[] steady = new long[options.exchanges()];
                for (int i = 0; i < steady.length; i++) {
                    steady[i] = timeExchange(client, target);
                }
                return new StreamLatencyResult(setup, payloads.members(), payloads.request().length,
                        LatencySummary.of(first), LatencySummary.of(steady), throughput(client, target));
            }
        }
    }

    private double throughput(NettyTransport client, InetSocketAddress target) {
        int perChain = Math.max(1, options.exchanges() / options.inFlight());
        long start = System.nanoTime();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int i = 0; i < options.inFlight(); i++) {
            chains.add(chain(client, target, perChain));
        }
        await(CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)), TIMEOUT.multipliedBy(perChain));
        return perChain * options.inFlight() / ((System.nanoTime() - start) / 1e9);
    }

    private CompletableFuture<Void> chain(NettyTransport client, InetSocketAddress target, int remaining) {
        if (remaining == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return client.exchange(target, payloads.request(), TIMEOUT).toCompletableFuture()
                .thenCompose(response -> chain(client, target, remaining - 1));
    }

    private long timeExchange(NettyTransport client, InetSocketAddress target) {
        long start = System.nanoTime();
        byte[] response = await(client.exchange(target, payloads.request(), TIMEOUT).toCompletableFuture(),
                TIMEOUT.plusSeconds(1));
        long elapsed = System.nanoTime() - start;
        if (response.length != payloads.response().length) {
            throw new IllegalStateException("a response of " + response.length + " bytes, expected "
                    + payloads.response().length);
        }
        return elapsed;
    }

    private NettyTransport start(String name, StreamResponder responder) {
        NettyTransport transport = new NettyTransport(setup.config(name));
        transport.start(new TransportHandler() {
            @Override
            public void onPacket(InboundPacket packet) {
            }

            @Override
            public void onStream(InboundStream stream) {
                responder.answer(stream);
            }
        });
        return transport;
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("exchange failed: " + e, e);
        }
    }

    /** What a node does with a stream it accepts. */
    @FunctionalInterface
    private interface StreamResponder {
        void answer(InboundStream stream);
    }
}
