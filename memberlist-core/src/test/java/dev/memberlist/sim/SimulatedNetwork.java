package dev.memberlist.sim;

import dev.memberlist.MemberlistException;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * An in-memory network on virtual time. It carries the real encoded bytes each node produces, with
 * a seeded random delay per message and seeded random loss on datagrams; streams are reliable
 * unless a partition cuts them. Partitions, isolation and healing model network failures; a closed
 * transport models a crashed process. Not thread-safe: the simulation's thread drives it.
 */
public final class SimulatedNetwork {

    private final SimulatedScheduler scheduler;
    private final SplittableRandom random;
    private final Map<InetSocketAddress, Endpoint> endpoints = new HashMap<>();
    private final Set<Link> cut = new HashSet<>();
    private final Set<InetSocketAddress> isolated = new HashSet<>();
    private long minDelayNanos = Duration.ofMillis(1).toNanos();
    private long maxDelayNanos = Duration.ofMillis(5).toNanos();
    private double packetLoss;
    private long packetsSent;
    private long packetsDropped;
    private long bytesSent;

    /**
     * @param scheduler the virtual time deliveries run on
     * @param seed the seed of delays and losses
     */
    public SimulatedNetwork(SimulatedScheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param index a node number, 0..65535
     * @return a distinct loopback-free address for it ({@code 10.x.y.z:7946})
     */
    public static InetSocketAddress address(int index) {
        try {
            byte[] ip = {10, (byte) (index >> 16), (byte) (index >> 8), (byte) (index + 1)};
            return new InetSocketAddress(InetAddress.getByAddress(ip), 7946);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the transport of a node at an address.
     *
     * @param address the node's address
     * @param nodeScheduler the node's scheduler, through which inbound traffic is delivered
     * @return the transport
     */
    public Transport transport(InetSocketAddress address, SimulatedScheduler.NodeScheduler nodeScheduler) {
        Endpoint endpoint = new Endpoint(address, nodeScheduler);
        endpoints.put(address, endpoint);
        return endpoint;
    }

    /**
     * Sets the one-way delay range of every message.
     *
     * @param min the shortest delay
     * @param max the longest delay
     */
    public void delay(Duration min, Duration max) {
        minDelayNanos = min.toNanos();
        maxDelayNanos = Math.max(minDelayNanos, max.toNanos());
    }

    /** @param rate the probability, 0..1, that a datagram is lost */
    public void packetLoss(double rate) {
        packetLoss = rate;
    }

    /**
     * Cuts every link between two groups, both ways.
     *
     * @param groupA one side
     * @param groupB the other side
     */
    public void partition(Set<InetSocketAddress> groupA, Set<InetSocketAddress> groupB) {
        for (InetSocketAddress a : groupA) {
            for (InetSocketAddress b : groupB) {
                cut.add(new Link(a, b));
                cut.add(new Link(b, a));
            }
        }
    }

    /**
     * Cuts the links from one group to another in that direction only: {@code to} stops hearing
     * {@code from}, while {@code from} still hears {@code to}. Datagrams and stream requests from
     * {@code from} are lost, and so are stream replies it would send back.
     *
     * @param from the side whose traffic is lost
     * @param to the side that no longer hears it
     */
    public void partitionOneWay(Set<InetSocketAddress> from, Set<InetSocketAddress> to) {
        for (InetSocketAddress a : from) {
            for (InetSocketAddress b : to) {
                cut.add(new Link(a, b));
            }
        }
    }

    /** @param address a node to cut off from everyone */
    public void isolate(InetSocketAddress address) {
        isolated.add(address);
    }

    /** Restores every cut link and isolated node. */
    public void heal() {
        cut.clear();
        isolated.clear();
    }

    /** @return datagrams sent so far */
    public long packetsSent() {
        return packetsSent;
    }

    /** @return datagrams lost or cut so far */
    public long packetsDropped() {
        return packetsDropped;
    }

    /** @return bytes sent so far, datagrams and streams */
    public long bytesSent() {
        return bytesSent;
    }

    private boolean reachable(InetSocketAddress from, InetSocketAddress to) {
        Endpoint target = endpoints.get(to);
        return target != null && !target.closed && !isolated.contains(from) && !isolated.contains(to)
                && !cut.contains(new Link(from, to));
    }

    private long delayNanos() {
        return minDelayNanos + (maxDelayNanos > minDelayNanos ? random.nextLong(maxDelayNanos - minDelayNanos) : 0);
    }

    private void later(Runnable delivery) {
        scheduler.forNetwork(delayNanos(), delivery);
    }

    private record Link(InetSocketAddress from, InetSocketAddress to) {
    }

    private final class Endpoint implements Transport {
        private final InetSocketAddress address;
        private final SimulatedScheduler.NodeScheduler nodeScheduler;
        private TransportHandler handler;
        private boolean closed;

        Endpoint(InetSocketAddress address, SimulatedScheduler.NodeScheduler nodeScheduler) {
            this.address = address;
            this.nodeScheduler = nodeScheduler;
        }

        @Override
        public void start(TransportHandler handler) {
            this.handler = handler;
        }

        @Override
        public InetSocketAddress advertiseAddress() {
            return address;
        }

        @Override
        public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
            if (closed) {
                return CompletableFuture.failedFuture(new MemberlistException("transport closed"));
            }
            packetsSent++;
            bytesSent += packet.length;
            if (!reachable(address, to) || (packetLoss > 0 && random.nextDouble() < packetLoss)) {
                packetsDropped++;
                return CompletableFuture.completedFuture(null);
            }
            Endpoint target = endpoints.get(to);
            // A paused target takes delivery later: check then that it still runs.
            later(() -> target.nodeScheduler.deliverPacket(packet, () -> {
                if (!target.closed) {
                    target.handler.onPacket(new InboundPacket(packet, address, scheduler.nanoTime()));
                }
            }));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            CompletableFuture<byte[]> response = new CompletableFuture<>();
            if (closed) {
                response.completeExceptionally(new MemberlistException("transport closed"));
                return response;
            }
            bytesSent += request.length;
            scheduler.forNetwork(timeout.toNanos(), () -> response.completeExceptionally(
                    new TimeoutException("stream to " + to + " timed out after " + timeout)));
            if (!reachable(address, to)) {
                return response;
            }
            Endpoint target = endpoints.get(to);
            later(() -> target.nodeScheduler.deliverStream(request, () -> {
                if (!target.closed) {
                    target.handler.onStream(new SimulatedStream(request, address, target, this, response));
                }
            }));
            return response;
        }

        @Override
        public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
            CompletableFuture<Void> written = new CompletableFuture<>();
            if (closed) {
                written.completeExceptionally(new MemberlistException("transport closed"));
                return written;
            }
            bytesSent += message.length;
            if (!reachable(address, to)) {
                scheduler.forNetwork(timeout.toNanos(), () -> written.completeExceptionally(
                        new TimeoutException("stream to " + to + " timed out after " + timeout)));
                return written;
            }
            Endpoint target = endpoints.get(to);
            later(() -> {
                written.complete(null);
                target.nodeScheduler.deliverStream(message, () -> {
                    if (!target.closed) {
                        target.handler.onStream(new SimulatedStream(message, address, target, this, new CompletableFuture<>()));
                    }
                });
            });
            return written;
        }

        @Override
        public void close() {
            closed = true;
            endpoints.remove(address);
        }
    }

    private final class SimulatedStream implements InboundStream {
        private final byte[] request;
        private final InetSocketAddress remote;
        private final Endpoint responder;
        private final Endpoint initiator;
        private final CompletableFuture<byte[]> response;

        SimulatedStream(byte[] request, InetSocketAddress remote, Endpoint responder, Endpoint initiator,
                        CompletableFuture<byte[]> response) {
            this.request = request;
            this.remote = remote;
            this.responder = responder;
            this.initiator = initiator;
            this.response = response;
        }

        @Override
        public byte[] request() {
            return request;
        }

        @Override
        public InetSocketAddress remote() {
            return remote;
        }

        @Override
        public void reply(byte[] bytes) {
            bytesSent += bytes.length;
            if (!reachable(responder.address, initiator.address)) {
                return;
            }
            later(() -> initiator.nodeScheduler.deliverStream(bytes, () -> response.complete(bytes)));
        }

        @Override
        public void close() {
            later(() -> response.completeExceptionally(new MemberlistException("stream closed without a response")));
        }
    }
}
