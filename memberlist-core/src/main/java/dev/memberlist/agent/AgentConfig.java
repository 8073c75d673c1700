package dev.memberlist.agent;

import dev.memberlist.MemberlistConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Turns the agent's flags into a memberlist configuration as gopeer does: a preset, then every
 * override that is positive (zero keeps the preset's value), then compression, verification and the key.
 */
final class AgentConfig {

    private AgentConfig() {
    }

    /**
     * @param flags the parsed flags
     * @return a builder holding everything but the node's name and delegates
     * @throws IllegalArgumentException when a value is out of place: an unknown preset or a bad key
     */
    static MemberlistConfig.Builder builder(Flags flags) {
        MemberlistConfig.Builder builder = preset(flags.string(AgentFlag.CONFIG))
                .bindAddress(flags.string(AgentFlag.BIND))
                .bindPort(flags.integer(AgentFlag.PORT))
                .label(flags.string(AgentFlag.LABEL))
                .eagerGossip(flags.bool(AgentFlag.EAGER_GOSSIP))
                .enableCompression(flags.bool(AgentFlag.COMPRESS))
                .gossipVerifyIncoming(flags.bool(AgentFlag.VERIFY_INCOMING))
                .gossipVerifyOutgoing(flags.bool(AgentFlag.VERIFY_OUTGOING));
        if (!flags.string(AgentFlag.ADVERTISE).isEmpty()) {
            builder.advertiseAddress(flags.string(AgentFlag.ADVERTISE));
        }
        overrideDuration(flags, AgentFlag.PROBE_INTERVAL, builder::probeInterval);
        overrideDuration(flags, AgentFlag.PROBE_TIMEOUT, builder::probeTimeout);
        overrideDuration(flags, AgentFlag.GOSSIP_INTERVAL, builder::gossipInterval);
        overrideDuration(flags, AgentFlag.PUSHPULL_INTERVAL, builder::pushPullInterval);
        overrideDuration(flags, AgentFlag.DEAD_NODE_RECLAIM_TIME, builder::deadNodeReclaimTime);
        overrideInt(flags, AgentFlag.GOSSIP_NODES, builder::gossipNodes);
        overrideInt(flags, AgentFlag.SUSPICION_MULT, builder::suspicionMult);
        overrideInt(flags, AgentFlag.RETRANSMIT_MULT, builder::retransmitMult);
        overrideInt(flags, AgentFlag.INDIRECT_CHECKS, builder::indirectChecks);
        overrideInt(flags, AgentFlag.PROTOCOL_VERSION, builder::protocolVersion);
        String key = flags.string(AgentFlag.KEY);
        if (!key.isEmpty()) {
            builder.secretKey(decodeKey(key));
        }
        return builder;
    }

    /**
     * @param flags the parsed flags
     * @return the initial metadata
     * @throws IllegalArgumentException when it is longer than memberlist allows
     */
    static byte[] meta(Flags flags) {
        byte[] meta = flags.string(AgentFlag.META).getBytes(StandardCharsets.UTF_8);
        if (meta.length > MemberlistConfig.META_MAX_SIZE) {
            throw new IllegalArgumentException("-meta is longer than " + MemberlistConfig.META_MAX_SIZE + " bytes");
        }
        return meta;
    }

    private static MemberlistConfig.Builder preset(String name) {
        switch (name) {
            case "local":
                return MemberlistConfig.local();
            case "lan":
                return MemberlistConfig.lan();
            case "wan":
                return MemberlistConfig.wan();
            default:
                throw new IllegalArgumentException("unknown -config \"" + name + "\" (lan, wan or local)");
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-key is not base64: " + e.getMessage(), e);
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("-key must decode to 16, 24 or 32 bytes, not " + key.length);
        }
        return key;
    }

    private static void overrideDuration(Flags flags, AgentFlag flag, Consumer<Duration> setter) {
        Duration value = flags.duration(flag);
        if (value.compareTo(Duration.ZERO) > 0) {
            setter.accept(value);
        }
    }

    private static void overrideInt(Flags flags, AgentFlag flag, IntConsumer setter) {
        int value = flags.integer(flag);
        if (value > 0) {
            setter.accept(value);
        }
    }
}
