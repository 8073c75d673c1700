package dev.memberlist.interop;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.MessageType;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our codec against a real Go node, with no engine involved: a join push/pull built and framed by
 * {@link StreamCodec} is written to gopeer's TCP port, and its reply is decoded by the same codec;
 * Go's UDP pings are decoded and acked by {@link PacketCodec}. Plain and AES-GCM encrypted.
 */
class CodecInteropIT {

    private static final byte[] KEY = "interop-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final String PROBE = "codec-probe";
    /** A protocol version Go accepts but does not use itself (it runs 2), so it must come from our bytes. */
    private static final Bytes PROBE_VSN = Bytes.copyOf(new byte[] {1, 5, 3, 0, 0, 0});

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void joinPushPullEncodedByOurCodecIsAnsweredByGoAndDecodedByOurCodec(boolean encrypted) throws IOException {
        List<String> flags = new ArrayList<>(List.of("-meta", "meta-of-g1"));
        if (encrypted) {
            flags.addAll(List.of("-key", Base64.getEncoder().encodeToString(KEY)));
        }
        GoPeer go = cluster.go("g1", flags.toArray(String[]::new));
        CodecSettings settings = new CodecSettings("", false, encrypted ? Optional.of(Keyring.of(KEY)) : Optional.empty(),
                true, true, true, EncryptionVersion.V1);
        StreamCodec streams = new StreamCodec(settings);

        try (PacketResponder udp = new PacketResponder(PROBE, new PacketCodec(settings))) {
            byte[] userState = ("state-of-" + PROBE).getBytes(StandardCharsets.UTF_8);
            PushNodeState probe = new PushNodeState(PROBE, Bytes.copyOf(new byte[] {127, 0, 0, 1}), udp.port(),
                    Bytes.copyOf("meta-of-probe".getBytes(StandardCharsets.UTF_8)), 1, PushNodeState.STATE_ALIVE, PROBE_VSN);
            byte[] request = streams.encodeRequest(StreamCodec.pushPull(new PushPullHeader(1, userState.length, true),
                    List.of(probe), Bytes.copyOf(userState)));

            byte[] response = exchange(go.address(), request);

            assertThat(response[0] & 0xff).as("first byte of Go's reply: encrypted frame, else compressed message")
                    .isEqualTo(encrypted ? MessageType.ENCRYPT.code() : MessageType.COMPRESS.code());
            StreamMessage decoded = streams.decodeResponse(response);
            assertThat(decoded).isInstanceOf(StreamMessage.PushPull.class);
            StreamMessage.PushPull pushPull = (StreamMessage.PushPull) decoded;
            assertThat(pushPull.header().join()).as("join flag echoed").isTrue();
            assertThat(pushPull.userState().toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("state-of-g1");
            assertThat(pushPull.nodes()).singleElement().satisfies(g1 -> {
                assertThat(g1.name()).isEqualTo("g1");
                assertThat(g1.addr().toByteArray()).containsExactly(127, 0, 0, 1);
                assertThat("127.0.0.1:" + g1.port()).isEqualTo(go.address());
                assertThat(g1.meta().toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("meta-of-g1");
                assertThat(g1.state()).isEqualTo(PushNodeState.STATE_ALIVE);
                assertThat(g1.incarnation()).isPositive();
                assertThat(g1.vsn().toByteArray()).as("Go's vsn: pmin, pmax, pcur, dmin, dmax, dcur")
                        .containsExactly(1, 5, 2, 0, 0, 0);
            });

            String probeAddress = "127.0.0.1:" + udp.port();
            assertThat(go.awaitNode("join", PROBE)).containsEntry("addr", probeAddress).containsEntry("meta", "meta-of-probe");
            assertThat(go.await("remote_state", e -> Boolean.TRUE.equals(e.get("join"))))
                    .containsEntry("data", "state-of-" + PROBE);
            Map<String, Object> asGoSeesIt = go.members().stream().filter(m -> PROBE.equals(m.get("name")))
                    .findFirst().orElseThrow();
            assertThat(asGoSeesIt.get("vsn")).isEqualTo(List.of(1L, 5L, 3L, 0L, 0L, 0L));

            go.command("ping " + PROBE + " " + probeAddress);
            go.awaitNode("ping", PROBE);
            assertThat(udp.received()).as("Go's packets, decoded").anyMatch(m -> m instanceof Ping ping
                    && ping.node().equals(PROBE));
            assertThat(udp.failures()).as("Go packets our codec could not decode").isEmpty();
        }
    }

    /** Writes a request, and reads the reply until Go closes the connection. */
    private static byte[] exchange(String hostPort, byte[] request) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)),
                    Integer.parseInt(hostPort.substring(colon + 1))), 5_000);
            socket.setSoTimeout((int) MixedCluster.WAIT.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }
}
