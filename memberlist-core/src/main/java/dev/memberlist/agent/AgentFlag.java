package dev.memberlist.agent;

import java.util.Optional;

/**
 * The agent's command-line flags: gopeer's single-node flags with their defaults, plus {@code -label}
 * and {@code -dead-node-reclaim-time}, which Go 0.2.2 has not.
 */
enum AgentFlag {
    NAME("name", Kind.STRING, "", "node name (default java-<port>)"),
    BIND("bind", Kind.STRING, "127.0.0.1", "bind address (UDP and TCP)"),
    PORT("port", Kind.INT, "0", "bind port, 0 picks a free one"),
    ADVERTISE("advertise", Kind.STRING, "", "advertise address (default: the bind address)"),
    JOIN("join", Kind.STRING, "", "comma-separated seeds host:port, joined at start"),
    CONFIG("config", Kind.STRING, "local", "preset: lan, wan or local"),
    KEY("key", Kind.STRING, "", "base64 AES key of 16, 24 or 32 bytes: enables encryption"),
    LABEL("label", Kind.STRING, "", "label for every packet and stream (Java only; Go 0.2.2 drops labelled packets)"),
    META("meta", Kind.STRING, "", "node metadata (at most 512 bytes)"),
    STATE("state", Kind.STRING, "", "push/pull user state sent by localState (default state-of-<name>)"),
    PROTOCOL_VERSION("protocol-version", Kind.INT, "0", "override protocolVersion (1..5; presets use 2)"),
    PROBE_INTERVAL("probe-interval", Kind.DURATION, "0s", "override probeInterval"),
    PROBE_TIMEOUT("probe-timeout", Kind.DURATION, "0s", "override probeTimeout"),
    GOSSIP_INTERVAL("gossip-interval", Kind.DURATION, "0s", "override gossipInterval"),
    PUSHPULL_INTERVAL("pushpull-interval", Kind.DURATION, "0s", "override pushPullInterval"),
    GOSSIP_NODES("gossip-nodes", Kind.INT, "0", "override gossipNodes"),
    SUSPICION_MULT("suspicion-mult", Kind.INT, "0", "override suspicionMult"),
    RETRANSMIT_MULT("retransmit-mult", Kind.INT, "0", "override retransmitMult"),
    INDIRECT_CHECKS("indirect-checks", Kind.INT, "0", "override indirectChecks"),
    EAGER_GOSSIP("eager-gossip", Kind.BOOL, "true",
            "eagerGossip: news goes out at once after a quiet gossip interval; false keeps Go's timing (Java only)"),
    COMPRESS("compress", Kind.BOOL, "true", "enableCompression (LZW)"),
    VERIFY_INCOMING("verify-incoming", Kind.BOOL, "true", "gossipVerifyIncoming (with -key)"),
    VERIFY_OUTGOING("verify-outgoing", Kind.BOOL, "true", "gossipVerifyOutgoing (with -key)"),
    DEAD_NODE_RECLAIM_TIME("dead-node-reclaim-time", Kind.DURATION, "0s",
            "deadNodeReclaimTime: a dead or left node's name may move to a new address after this long (Java only)"),
    VERBOSE("verbose", Kind.BOOL, "false", "memberlist's log on stderr at debug level (default: warnings only)"),
    LIFETIME("lifetime", Kind.DURATION, "0s", "shut down (no leave) and exit after this long; 0 = never");

    /** How a flag's value is written. Boolean flags alone may stand without a value. */
    enum Kind { STRING, INT, BOOL, DURATION }

    final String flagName;
    final Kind kind;
    final String defaultValue;
    final String usage;

    AgentFlag(String flagName, Kind kind, String defaultValue, String usage) {
        this.flagName = flagName;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.usage = usage;
    }

    static Optional<AgentFlag> named(String flagName) {
        for (AgentFlag flag : values()) {
            if (flag.flagName.equals(flagName)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
