package dev.memberlist.state;

import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.PushNodeState;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Go's {@code verifyProtocol}, run before every push/pull merge: every node, local or remote, must
 * speak a protocol version (and delegate version) that every alive node understands. A remote entry
 * without versions speaks version 0 and fails.
 */
public final class ProtocolCompatibility {

    private ProtocolCompatibility() {
    }

    /**
     * @param remote the remote node table
     * @param local the local node table
     * @return why the tables cannot be merged, or empty when they can
     */
    public static Optional<String> check(List<PushNodeState> remote, Collection<NodeRecord> local) {
        Bounds protocol = new Bounds();
        Bounds delegate = new Bounds();
        // Parsed once: a large cluster's table has thousands of entries, checked on every push/pull.
        ProtocolVersions[] remoteVersions = new ProtocolVersions[remote.size()];
        for (int i = 0; i < remoteVersions.length; i++) {
            PushNodeState entry = remote.get(i);
            Optional<ProtocolVersions> parsed = Versions.parse(entry.vsn());
            remoteVersions[i] = parsed.orElse(ProtocolVersions.UNKNOWN);
            if (entry.state() == PushNodeState.STATE_ALIVE && parsed.isPresent()) {
                widen(protocol, delegate, parsed.get());
            }
        }
        for (NodeRecord record : local) {
            if (record.state() == NodeState.ALIVE) {
                widen(protocol, delegate, record.versions());
            }
        }
        for (int i = 0; i < remoteVersions.length; i++) {
            Optional<String> problem = verify(remote.get(i).name(), remoteVersions[i], protocol, delegate);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (NodeRecord record : local) {
            Optional<String> problem = verify(record.name(), record.versions(), protocol, delegate);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static void widen(Bounds protocol, Bounds delegate, ProtocolVersions v) {
        protocol.maxMin = Math.max(protocol.maxMin, v.protocolMin());
        protocol.minMax = Math.min(protocol.minMax, v.protocolMax());
        delegate.maxMin = Math.max(delegate.maxMin, v.delegateMin());
        delegate.minMax = Math.min(delegate.minMax, v.delegateMax());
    }

    private static Optional<String> verify(String name, ProtocolVersions v, Bounds protocol, Bounds delegate) {
        if (v.protocolCurrent() < protocol.maxMin || v.protocolCurrent() > protocol.minMax) {
            return Optional.of(String.format("Node '%s' protocol version (%d) is incompatible: [%d, %d]",
                    name, v.protocolCurrent(), protocol.maxMin, protocol.minMax));
        }
        if (v.delegateCurrent() < delegate.maxMin || v.delegateCurrent() > delegate.minMax) {
            return Optional.of(String.format("Node '%s' delegate protocol version (%d) is incompatible: [%d, %d]",
                    name, v.delegateCurrent(), delegate.maxMin, delegate.minMax));
        }
        return Optional.empty();
    }

    private static final class Bounds {
        int maxMin;
        int minMax = 255;
    }
}
