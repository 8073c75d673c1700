package dev.memberlist.agent;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.security.Keyring;
import dev.memberlist.transport.SeedAddress;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs gopeer's stdin commands on one node, one at a time and to completion, as gopeer does: a
 * {@code join} or {@code meta} answers before the next command is read. Failures become {@code error}
 * events prefixed with the command's name.
 */
final class Commands {

    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(5);

    private final Memberlist memberlist;
    private final AgentDelegate delegate;
    private final UserBroadcasts broadcasts;
    private final ProcessStats stats;
    private final EventWriter events;

    Commands(Memberlist memberlist, AgentDelegate delegate, UserBroadcasts broadcasts, ProcessStats stats,
             EventWriter events) {
        this.memberlist = memberlist;
        this.delegate = delegate;
        this.broadcasts = broadcasts;
        this.stats = stats;
        this.events = events;
    }

    /**
     * @param line a command line: a command, a space, and its argument
     * @return whether the agent should now exit
     */
    boolean run(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (command) {
            case "members":
                members();
                return false;
            case "join":
                join(argument);
                return false;
            case "broadcast":
                broadcasts.queue(bytes(argument));
                return false;
            case "send":
            case "send-udp":
                send(command, argument);
                return false;
            case "ping":
                ping(argument);
                return false;
            case "meta":
                meta(argument);
                return false;
            case "state":
                delegate.state(bytes(argument));
                return false;
            case "install-key":
            case "use-key":
            case "remove-key":
                rotate(command, argument);
                return false;
            case "stats":
                events.emit("stats", stats.fields(memberlist.healthScore()));
                return false;
            case "leave":
                leave();
                return true;
            case "quit":
                return true;
            case "":
                return false;
            default:
                events.emit("error", "error", "unknown command " + Json.quote(command));
                return false;
        }
    }

    private void members() {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Node node : memberlist.members()) {
            ProtocolVersions v = node.versions();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", node.name());
            member.put("addr", SeedAddress.format(node.socketAddress()));
            member.put("meta", AgentDelegate.text(node.meta()));
            member.put("vsn", List.of(v.protocolMin(), v.protocolMax(), v.protocolCurrent(),
                    v.delegateMin(), v.delegateMax(), v.delegateCurrent()));
            members.add(member);
        }
        events.emit("members", "members", members, "count", members.size());
    }

    private void join(String argument) {
        List<String> seeds = new ArrayList<>();
        for (String seed : argument.split(",")) {
            if (!seed.isBlank()) {
                seeds.add(seed.strip());
            }
        }
        try {
            events.emit("joined", "joined", await(memberlist.join(seeds)));
        } catch (RuntimeException e) {
            events.emit("error", "error", "join: " + message(e), "joined", 0);
        }
    }

    private void send(String command, String argument) {
        int space = argument.indexOf(' ');
        String to = space < 0 ? argument : argument.substring(0, space);
        byte[] text = bytes(space < 0 ? "" : argument.substring(space + 1).strip());
        Optional<Node> target = memberlist.members().stream().filter(node -> node.name().equals(to)).findFirst();
        if (target.isEmpty()) {
            fail(command, "no member " + Json.quote(to));
            return;
        }
        try {
            await(command.equals("send") ? memberlist.sendReliable(to, text) : memberlist.sendBestEffort(to, text));
        } catch (RuntimeException e) {
            fail(command, message(e));
        }
    }

    private void ping(String argument) {
        int space = argument.indexOf(' ');
        String node = space < 0 ? argument : argument.substring(0, space);
        String hostPort = space < 0 ? "" : argument.substring(space + 1).strip();
        if (hostPort.isEmpty()) {
            fail("ping", "usage: ping NODE HOST:PORT");
            return;
        }
        try {
            SeedAddress address = SeedAddress.parse(hostPort, 0);
            if (address.port() == 0) {
                throw new IllegalArgumentException("missing port in address " + Json.quote(hostPort));
            }
            Duration rtt = await(memberlist.ping(node, new InetSocketAddress(address.host(), address.port())));
            events.emit("ping", "node", node, "rtt_us", rtt.toNanos() / 1_000);
        } catch (RuntimeException e) {
            fail("ping", message(e));
        }
    }

    private void meta(String argument) {
        byte[] meta = bytes(argument);
        if (meta.length > MemberlistConfig.META_MAX_SIZE) {
            fail("meta", "longer than " + MemberlistConfig.META_MAX_SIZE + " bytes");
            return;
        }
        delegate.meta(meta);
        try {
            await(memberlist.updateNode(UPDATE_TIMEOUT));
        } catch (RuntimeException e) {
            fail("meta", message(e));
        }
    }

    /**
     * Changes the keyring as gopeer does, answering with {@code keys}: the operation, how many keys are
     * installed now and, beyond gopeer, their fingerprints (primary first), never the keys.
     */
    private void rotate(String command, String argument) {
        Optional<Keyring> keyring = memberlist.config().keyring();
        if (keyring.isEmpty()) {
            fail(command, "no keyring: start the agent with -key");
            return;
        }
        try {
            byte[] key = Base64.getDecoder().decode(argument);
            switch (command) {
                case "install-key" -> keyring.get().install(key);
                case "use-key" -> keyring.get().use(key);
                default -> keyring.get().remove(key);
            }
        } catch (IllegalArgumentException e) {
            fail(command, e.getMessage());
            return;
        }
        List<String> fingerprints = keyring.get().fingerprints();
        events.emit("keys", "op", command, "count", fingerprints.size(), "primary", fingerprints.get(0),
                "fingerprints", fingerprints);
    }

    private void leave() {
        long startNanos = System.nanoTime();
        try {
            await(memberlist.leave(LEAVE_TIMEOUT));
        } catch (RuntimeException e) {
            fail("leave", message(e));
        }
        memberlist.shutdown();
        events.emit("left", "ms", (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void fail(String command, String message) {
        events.emit("error", "error", command + ": " + message);
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.join();
    }

    private static String message(RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
