package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;
import static dev.memberlist.wire.WireValues.requireU16;
import static dev.memberlist.wire.WireValues.requireU32;

/**
 * One entry of a push/pull node table (Go {@code pushNodeState}).
 *
 * @param name the node's name
 * @param addr the node's IP, kept exactly as received
 * @param port the node's port
 * @param meta the node's metadata, or {@link Bytes#NIL}
 * @param incarnation the node's incarnation (u32)
 * @param state {@link #STATE_ALIVE}, {@link #STATE_SUSPECT}, {@link #STATE_DEAD}, {@link #STATE_LEFT},
 *     or an unknown value a newer peer might send
 * @param vsn the six version bytes, kept as received
 */
public record PushNodeState(String name, Bytes addr, int port, Bytes meta, long incarnation, int state, Bytes vsn)
        implements Message {

    /** Go's {@code StateAlive}. */
    public static final int STATE_ALIVE = 0;
    /** Go's {@code StateSuspect}. */
    public static final int STATE_SUSPECT = 1;
    /** Go's {@code StateDead}. */
    public static final int STATE_DEAD = 2;
    /** Go's {@code StateLeft}. */
    public static final int STATE_LEFT = 3;

    /** Validates the fields. */
    public PushNodeState {
        requirePresent(name, "name");
        requirePresent(addr, "addr");
        requireU16(port, "port");
        requirePresent(meta, "meta");
        requireU32(incarnation, "incarnation");
        requirePresent(vsn, "vsn");
    }

    @Override
    public MessageType type() {
        return MessageType.PUSH_PULL;
    }
}
