package dev.memberlist.sim;

import dev.memberlist.delegate.Delegate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Delegate} for scenarios: settable metadata and local state, user broadcasts each sent a
 * fixed number of times, and a record of every message and remote state received.
 */
public final class RecordingDelegate implements Delegate {

    private final List<String> messages = new ArrayList<>();
    private final List<String> remoteStates = new ArrayList<>();
    private final RepeatedBroadcasts broadcasts = new RepeatedBroadcasts();
    private String meta = "";
    private String localState;
    private int relayTransmits;

    /** @param localState what this node sends in push/pull */
    public RecordingDelegate(String localState) {
        this.localState = localState;
    }

    /** @param value the metadata the node will announce */
    public void meta(String value) {
        meta = value;
    }

    /** @param value the new local state */
    public void localState(String value) {
        localState = value;
    }

    /**
     * Queues a user broadcast.
     *
     * @param message the text
     * @param transmits how many packets carry it
     */
    public void broadcast(String message, int transmits) {
        broadcasts.add(message.getBytes(StandardCharsets.UTF_8), transmits);
    }

    /**
     * Passes every message received for the first time on as a broadcast of its own, as an
     * application does to spread news epidemically (memberlist itself never re-broadcasts user data).
     *
     * @param transmits how many packets carry each relayed message
     */
    public void relayNewMessages(int transmits) {
        relayTransmits = transmits;
    }

    /** @return the user messages received, as text */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return the remote states received, as text */
    public List<String> remoteStates() {
        return List.copyOf(remoteStates);
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void notifyMessage(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        if (relayTransmits > 0 && !messages.contains(text)) {
            broadcast(text, relayTransmits);
        }
        messages.add(text);
    }

    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        return broadcasts.take(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return localState.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        remoteStates.add(new String(state, StandardCharsets.UTF_8));
    }
}
