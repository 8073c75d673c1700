package dev.memberlist.sim;

import dev.memberlist.delegate.Delegate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Delegate} for scenarios and real-socket tests: settable metadata and local state, user
 * broadcasts each sent a fixed number of times, and a record of every message and remote state
 * received. Thread-safe: an engine thread may call it while a test thread reads it.
 */
public final class RecordingDelegate implements Delegate {

    /**
     * A push/pull state received.
     *
     * @param data the state, as text
     * @param join whether it came with a join
     */
    public record RemoteState(String data, boolean join) {
    }

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<RemoteState> remoteStates = new CopyOnWriteArrayList<>();
    private final RepeatedBroadcasts broadcasts = new RepeatedBroadcasts();
    private volatile String meta = "";
    private volatile String localState;
    private int relayTransmits;

    /** @param localState what this node sends in push/pull */
    public RecordingDelegate(String localState) {
        this.localState = localState;
    }

    /** @param value the metadata the node will announce (call {@code updateNode} to spread it) */
    public void meta(String value) {
        meta = value;
    }

    /** @param value the state sent in push/pull from now on */
    public void localState(String value) {
        localState = value;
    }

    /**
     * Queues a user broadcast.
     *
     * @param message the text
     * @param transmits how many packets carry it
     */
    public synchronized void broadcast(String message, int transmits) {
        broadcasts.add(message.getBytes(StandardCharsets.UTF_8), transmits);
    }

    /**
     * Passes every message received for the first time on as a broadcast of its own, as an
     * application does to spread news epidemically (memberlist itself never re-broadcasts user data).
     *
     * @param transmits how many packets carry each relayed message
     */
    public synchronized void relayNewMessages(int transmits) {
        relayTransmits = transmits;
    }

    /** @return the user messages received so far, as text (broadcasts may come more than once) */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return the push/pull states received so far */
    public List<RemoteState> remoteStates() {
        return List.copyOf(remoteStates);
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void notifyMessage(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        if (relayTransmits > 0 && !messages.contains(text)) {
            broadcast(text, relayTransmits);
        }
        messages.add(text);
    }

    @Override
    public synchronized List<byte[]> broadcasts(int overhead, int limit) {
        return broadcasts.take(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return localState.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        remoteStates.add(new RemoteState(new String(state, StandardCharsets.UTF_8), join));
    }
}
