package dev.memberlist.interop;

import dev.memberlist.delegate.Delegate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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
    private final List<Pending> broadcasts = new ArrayList<>();
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
        broadcasts.add(new Pending(text.getBytes(StandardCharsets.UTF_8), transmits));
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
        List<byte[]> out = new ArrayList<>();
        int used = 0;
        for (Iterator<Pending> it = broadcasts.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (used + overhead + pending.bytes.length > limit) {
                continue;
            }
            used += overhead + pending.bytes.length;
            out.add(pending.bytes);
            if (--pending.remaining == 0) {
                it.remove();
            }
        }
        return out;
    }

    @Override
    public byte[] localState(boolean join) {
        return localState.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        remoteStates.add(new RemoteState(new String(state, StandardCharsets.UTF_8), join));
    }

    private static final class Pending {
        final byte[] bytes;
        int remaining;

        Pending(byte[] bytes, int remaining) {
            this.bytes = bytes;
            this.remaining = remaining;
        }
    }
}
