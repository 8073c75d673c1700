package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * N nodes of one implementation on 127.0.0.1, one process each, named {@code n0 ... n<N-1>}, all started
 * with the same flags ({@code -name -bind -port 0 -config -lifetime}, plus {@code -join} when asked).
 * Every event of every node passes through {@link #await}, on the caller's thread, which keeps the
 * membership views current. Not thread-safe: one runner drives it.
 */
final class LocalCluster implements AutoCloseable {

    private final Implementation implementation;
    private final Scenario scenario;
    private final Duration lifetime;
    private final Path log;
    private final NodeProcess[] nodes;
    private final String[] addresses;
    private final MembershipViews views;
    private final BlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
    private final List<String> errors = new ArrayList<>();

    /**
     * @param implementation what the nodes run
     * @param scenario the preset and the number of nodes
     * @param lifetime each node's {@code -lifetime}, a net against orphans
     * @param log the file every node's stderr is appended to
     */
    LocalCluster(Implementation implementation, Scenario scenario, Duration lifetime, Path log) {
        this.implementation = implementation;
        this.scenario = scenario;
        this.lifetime = lifetime;
        this.log = log;
        this.nodes = new NodeProcess[scenario.nodes()];
        this.addresses = new String[scenario.nodes()];
        this.views = new MembershipViews(scenario.nodes());
    }

    /** @return the name of node {@code i} */
    static String name(int i) {
        return "n" + i;
    }

    /**
     * Starts node {@code i}.
     *
     * @param i its index
     * @param join the address to join at start, if any
     * @throws IOException when the process cannot start
     */
    void start(int i, Optional<String> join) throws IOException {
        List<String> flags = new ArrayList<>(List.of("-name", name(i), "-bind", "127.0.0.1", "-port", "0",
                "-config", scenario.preset(), "-lifetime", lifetime.toSeconds() + "s"));
        join.ifPresent(address -> flags.addAll(List.of("-join", address)));
        nodes[i] = NodeProcess.start(i, implementation.command(flags), log, events::add);
    }

    /**
     * Waits until nodes {@code from .. to-1} have printed {@code ready}.
     *
     * @return whether they did in time
     */
    boolean awaitReady(int from, int to, Duration timeout) {
        return await(event -> { }, () -> {
            for (int i = from; i < to; i++) {
                if (addresses[i] == null) {
                    return false;
                }
            }
            return true;
        }, timeout);
    }

    /**
     * Takes events as they come, updates the views, hands each to {@code listener}, and stops once
     * {@code done} holds (checked first, then after every event) or the time is up.
     *
     * @param listener sees every event
     * @param done the condition that ends the wait
     * @param timeout the longest wait
     * @return whether {@code done} held in time
     */
    boolean await(Consumer<NodeEvent> listener, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            NodeEvent event;
            try {
                event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (event == null) {
                return false;
            }
            observe(event);
            listener.accept(event);
        }
        return true;
    }

    /**
     * Keeps the views current for a while, as a pause in a scenario.
     *
     * @param duration how long
     */
    void idle(Duration duration) {
        await(event -> { }, () -> false, duration);
    }

    private void observe(NodeEvent event) {
        views.accept(event);
        if (event.name().equals("ready")) {
            addresses[event.from()] = event.text("addr");
        } else if (event.name().equals("error") && errors.size() < 5) {
            errors.add(name(event.from()) + ": " + event.text("error"));
        }
    }

    /**
     * Sends a command to one node and waits for its answer.
     *
     * @param i the node
     * @param command the command line
     * @param answer the event that answers it
     * @param timeout the longest wait
     * @return the answer, or empty when none came in time
     */
    Optional<NodeEvent> request(int i, String command, String answer, Duration timeout) {
        List<NodeEvent> got = new ArrayList<>(1);
        if (!nodes[i].command(command)) {
            return Optional.empty();
        }
        await(e -> {
            if (e.from() == i && e.name().equals(answer)) {
                got.add(e);
            }
        }, () -> !got.isEmpty(), timeout);
        return got.stream().findFirst();
    }

    /**
     * @param i the node
     * @param command a command line it should run
     * @return whether it was written
     */
    boolean command(int i, String command) {
        return nodes[i].command(command);
    }

    /** SIGKILL to node {@code i}. */
    void kill(int i) {
        nodes[i].kill();
    }

    /** @return the address node {@code i} printed in {@code ready} */
    String address(int i) {
        return addresses[i];
    }

    /** @return node {@code i}'s PID */
    long pid(int i) {
        return nodes[i].pid();
    }

    /** @return whether node {@code i} runs */
    boolean isAlive(int i) {
        return nodes[i] != null && nodes[i].isAlive();
    }

    /** @return what each node sees */
    MembershipViews views() {
        return views;
    }

    /** @return the first few {@code error} events, for the run's notes */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** @return the number of nodes */
    int size() {
        return nodes.length;
    }

    /** Stops every node: stdin closed, then SIGKILL by handle for any still running. */
    @Override
    public void close() {
        for (NodeProcess node : nodes) {
            if (node != null) {
                node.closeStdin();
            }
        }
        for (NodeProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }
}
