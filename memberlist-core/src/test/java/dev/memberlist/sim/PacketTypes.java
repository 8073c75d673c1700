package dev.memberlist.sim;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageType;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.WireFormatException;

import java.util.List;

/**
 * Reads which messages an inbound datagram holds, with the receiving node's own label, keys and
 * compression, so a {@link CostModel} can price it as that node's engine will see it.
 */
final class PacketTypes {

    private final PacketCodec codec;

    /** @param config the receiving node's configuration */
    PacketTypes(MemberlistConfig config) {
        this.codec = new PacketCodec(new CodecSettings(config.label(), config.skipInboundLabelCheck(), config.keyring(),
                config.gossipVerifyIncoming(), config.gossipVerifyOutgoing(), config.enableCompression(),
                EncryptionVersion.forProtocolVersion(config.protocolVersion())));
    }

    /**
     * @param datagram a datagram as received
     * @return the types of its messages; empty when the engine will drop it unread
     */
    List<MessageType> of(byte[] datagram) {
        try {
            return codec.decode(datagram).messages().stream().map(Message::type).toList();
        } catch (WireFormatException e) {
            return List.of();
        }
    }
}
