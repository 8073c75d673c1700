package dev.memberlist.interop;

import dev.memberlist.wire.AckResponse;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.DecodedPacket;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP socket on 127.0.0.1 that stands in for a node with nothing but our packet codec: it decodes
 * every datagram, keeps the messages (and any decoding failure), and acks each ping addressed to
 * its node name, so a Go node that probes it finds it alive.
 */
final class PacketResponder implements AutoCloseable {

    private final String node;
    private final PacketCodec codec;
    private final DatagramSocket socket;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /**
     * @param node the node name it answers pings for
     * @param codec encodes acks and decodes everything received
     */
    PacketResponder(String node, PacketCodec codec) {
        this.node = node;
        this.codec = codec;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "packet-responder-" + node);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the port it listens on */
    int port() {
        return socket.getLocalPort();
    }

    /** @return every message decoded so far, compounds and compression unwrapped */
    List<Message> received() {
        return List.copyOf(received);
    }

    /** @return why datagrams, or parts of them, could not be decoded */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void serve() {
        byte[] buffer = new byte[65_536];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException closed) {
                return;
            }
            byte[] bytes = Arrays.copyOfRange(datagram.getData(), datagram.getOffset(),
                    datagram.getOffset() + datagram.getLength());
            try {
                DecodedPacket decoded = codec.decode(bytes);
                decoded.partErrors().forEach(e -> failures.add(e.getMessage()));
                for (Message message : decoded.messages()) {
                    received.add(message);
                    if (message instanceof Ping ping && ping.node().equals(node)) {
                        byte[] ack = codec.encode(MessageCodec.encode(new AckResponse(ping.seqNo(), Bytes.NIL)), true);
                        socket.send(new DatagramPacket(ack, ack.length, datagram.getSocketAddress()));
                    }
                }
            } catch (RuntimeException | IOException e) {
                failures.add(e.toString());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
