package dev.memberlist.interop;

import dev.memberlist.delegate.Delegate;
import dev.memberlist.sim.RepeatedBroadcasts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A thread-safe {@link Delegate} for real-socket tests (the engine thread calls it, the test thread
 * reads it): settable metadata and push/pull state, user broadcasts each sent a fixed number of
 * times, and a record of every user message and remote state received.
 */
final class RecordingUserDelegate implements Delegate {

    /** A push/pull state received, and whether it came with a join. */
    record RemoteState(String data, boolean join) {
    }

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<RemoteState> remoteStates = new CopyOnWriteArrayList<>();
    private final RepeatedBroadcasts broadcasts = new RepeatedBroadcasts();
    private volatile String meta = "";
    private volatile String localState;

    RecordingUserDelegate(String localState) {
        this.localState = localState;
    }

    /** @param value the metadata announced from now on (call {@code updateNode} to spread it) */
    void meta(String value) {
        meta = value;
    }

    /** @param value the state sent in push/pull from now on */
    void localState(String value) {
        localState = value;
    }

    /**
     * @param text a user broadcast
     * @param transmits how many gossip packets carry it
     */
    synchronized void broadcast(String text, int transmits) {
        broadcasts.add(text.getBytes(StandardCharsets.UTF_8), transmits);
    }

    /** @return the user messages received so far (broadcasts may come more than once) */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return the push/pull states received so far */
    List<RemoteState> remoteStates() {
        return List.copyOf(remoteStates);
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void notifyMessage(byte[] message) {
        messages.add(new String(message, StandardCharsets.UTF_8));
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
