package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.Telemetry;
import dev.memberlist.UserSendQueueFullException;
import dev.memberlist.internal.DropSummaryLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's datagrams on their way to the UDP channel, kept apart from the protocol's own.
 * The protocol writes each packet with a task of its own on the channel's event loop; user
 * datagrams instead wait here and one drain task at a time writes at most {@link #batch} of them and
 * flushes, then comes back at the next turn of the loop, after the loop has read the socket and run
 * whatever the protocol submitted meanwhile. So an ack or ping waits behind at most one batch of
 * user datagrams however many the application sends, inbound pings are read at every turn, and at
 * most {@link #capacity} user datagrams are ever pending (queued here or written but not yet sent):
 * more are refused with {@link UserSendQueueFullException} and counted as
 * {@code outputDropped("user_send_queue_full")}. Thread-safe: any thread offers, the event loop drains.
 */
final class UserDatagramQueue {

    private final Channel channel;
    private final int capacity;
    private final int batch;
    private final Telemetry telemetry;
    private final DropSummaryLog drops;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param channel the UDP channel
     * @param capacity how many user datagrams may be pending at once
     * @param batch how many one drain task writes
     * @param telemetry where refusals are counted
     * @param drops where refusals are logged, summarised
     */
    UserDatagramQueue(Channel channel, int capacity, int batch, Telemetry telemetry, DropSummaryLog drops) {
        this.channel = channel;
        this.capacity = capacity;
        this.batch = batch;
        this.telemetry = telemetry;
        this.drops = drops;
    }

    /**
     * @param to the destination
     * @param packet the datagram
     * @return completes once written; fails when refused, or when the channel closed first
     */
    CompletionStage<Void> offer(InetSocketAddress to, byte[] packet) {
        if (closed) {
            return CompletableFuture.failedFuture(new MemberlistException("transport is closed"));
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            telemetry.outputDropped("user_send_queue_full");
            drops.dropped();
            return CompletableFuture.failedFuture(new UserSendQueueFullException(capacity));
        }
        Pending datagram = new Pending(to, packet, new CompletableFuture<>());
        queue.add(datagram);
        if (drainScheduled.compareAndSet(false, true)) {
            submit(() -> channel.eventLoop().execute(this::drain));
        }
        if (closed) {
            failQueued();
        }
        return datagram.sent;
    }

    /** @return how many user datagrams are pending now */
    int pending() {
        return pending.get();
    }

    /** Fails every queued datagram; later offers fail at once. */
    void close() {
        closed = true;
        failQueued();
    }

    private void submit(Runnable submission) {
        try {
            submission.run();
        } catch (RejectedExecutionException e) {
            drainScheduled.set(false);
            failQueued();
        }
    }

    private void drain() {
        drainScheduled.set(false);
        int written = 0;
        Pending datagram;
        while (written < batch && (datagram = queue.poll()) != null) {
            Pending current = datagram;
            channel.pipeline().write(new DatagramPacket(Unpooled.wrappedBuffer(current.packet), current.to)).addListener(result -> {
                pending.decrementAndGet();
                if (result.isSuccess()) {
                    current.sent.complete(null);
                } else {
                    current.sent.completeExceptionally(result.cause());
                }
            });
            written++;
        }
        if (written > 0) {
            channel.pipeline().flush();
        }
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            // Not execute(): the event loop runs queued tasks until none is left (up to a second)
            // before it reads the socket again, so a drain that queued itself would keep pings and
            // acks unread. A scheduled task waits for the next turn of the loop, after its I/O.
            submit(() -> channel.eventLoop().schedule(this::drain, 0, TimeUnit.NANOSECONDS));
        }
    }

    private void failQueued() {
        Pending datagram;
        while ((datagram = queue.poll()) != null) {
            pending.decrementAndGet();
            datagram.sent.completeExceptionally(new MemberlistException("transport is closed"));
        }
    }

    private record Pending(InetSocketAddress to, byte[] packet, CompletableFuture<Void> sent) {
    }
}
