package dev.memberlist.agent;

import dev.memberlist.Node;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.transport.SeedAddress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The agent's node hooks, as gopeer's: metadata and push/pull state set by commands, broadcasts from
 * {@link UserBroadcasts}, and an event line for every membership change, message and remote state.
 * Called on the engine thread; it only queues lines, never blocks on stdout.
 */
final class AgentDelegate implements Delegate, EventDelegate {

    private final EventWriter events;
    private final UserBroadcasts broadcasts;
    private volatile byte[] meta;
    private volatile byte[] state;

    AgentDelegate(EventWriter events, UserBroadcasts broadcasts, byte[] meta, byte[] state) {
        this.events = events;
        this.broadcasts = broadcasts;
        this.meta = meta.clone();
        this.state = state.clone();
    }

    void meta(byte[] value) {
        meta = value.clone();
    }

    void state(byte[] value) {
        state = value.clone();
    }

    @Override
    public byte[] nodeMeta(int limit) {
        byte[] current = meta;
        return current.length > limit ? Arrays.copyOf(current, limit) : current.clone();
    }

    @Override
    public void notifyMessage(byte[] message) {
        events.emit("msg", "data", text(message));
    }

    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        return broadcasts.take(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return state.clone();
    }

    @Override
    public void mergeRemoteState(byte[] remote, boolean join) {
        events.emit("remote_state", "data", text(remote), "join", join);
    }

    @Override
    public void notifyJoin(Node node) {
        membership("join", node);
    }

    @Override
    public void notifyLeave(Node node) {
        membership("leave", node);
    }

    @Override
    public void notifyUpdate(Node node) {
        membership("update", node);
    }

    private void membership(String event, Node node) {
        events.emit(event, "node", node.name(), "addr", SeedAddress.format(node.socketAddress()), "meta", text(node.meta()));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
