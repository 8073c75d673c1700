package dev.memberlist.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts on a private network of their own, made of Linux network namespaces: one namespace per host
 * with an {@code eth0} veth, all plugged into a bridge in a switch namespace, on {@code 10.77.0.0/24}
 * (host {@code i} is {@code 10.77.0.i}; the switch answers DNS at {@link #DNS_ADDRESS} when asked).
 * Nothing touches the machine's own network namespace, so traffic never leaves the lab. Faults come
 * from the kernel: packet loss from nftables ({@code numgen random}), a cut link from taking
 * {@code eth0} down. The kernel here has no {@code netem}, so delay with jitter comes from a delayer of
 * our own in each host's namespace ({@link HostDelay}).
 *
 * <p>Needs root and iproute2 ({@code ip netns}); {@link #create} skips the calling test with the reason
 * when namespaces cannot be made, unless {@code MEMBERLIST_REQUIRE_NETNS=1} (as in CI) makes that a
 * failure. {@link #close()} ends every delayer and deletes every namespace it made, which removes their
 * links, even after a failed test; a JVM shutdown hook does the same if the test run is cut short.
 * Not thread-safe.
 */
final class NetworkLab implements AutoCloseable {

    /** The address of the switch namespace, where a DNS server can listen. */
    static final String DNS_ADDRESS = "10.77.0.53";
    private static final String SUBNET_PREFIX = "10.77.0.";
    private static final String SUBNET = SUBNET_PREFIX + "0/24";
    private static final long COMMAND_TIMEOUT_SECONDS = 20;

    private final String prefix;
    private final String switchNamespace;
    private final List<LabHost> hosts = new ArrayList<>();
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, HostDelay> delays = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Thread cleanup = new Thread(() -> {
        endDelays();
        deleteNamespaces();
    }, "network-lab-cleanup");

    private NetworkLab(String prefix) {
        this.prefix = prefix;
        this.switchNamespace = prefix + "-sw";
    }

    /**
     * Makes a lab of {@code count} hosts.
     *
     * @param count how many hosts, at most 50
     * @return the lab, every link up
     */
    static NetworkLab create(int count) {
        return create("", count);
    }

    /**
     * Makes a lab of {@code count} hosts whose namespaces carry a label, to tell whose they are.
     *
     * @param label a few letters in the namespace names ({@code mlt<label><random>-h1}, …)
     * @param count how many hosts, at most 50
     * @return the lab, every link up
     */
    static NetworkLab create(String label, int count) {
        requireNamespaces();
        NetworkLab lab = new NetworkLab("mlt" + label + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
        Runtime.getRuntime().addShutdownHook(lab.cleanup);
        try {
            lab.addNamespace(lab.switchNamespace);
            ip(lab.switchNamespace, "link", "add", "br0", "type", "bridge");
            ip(lab.switchNamespace, "addr", "add", DNS_ADDRESS + "/24", "dev", "br0");
            ip(lab.switchNamespace, "link", "set", "br0", "up");
            for (int i = 1; i <= count; i++) {
                lab.addHost(i);
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void addHost(int index) {
        String namespace = prefix + "-h" + index;
        String port = "v" + index;
        addNamespace(namespace);
        ip(namespace, "link", "add", "eth0", "type", "veth", "peer", "name", port, "netns", switchNamespace);
        ip(switchNamespace, "link", "set", port, "master", "br0");
        ip(switchNamespace, "link", "set", port, "up");
        LabHost host = new LabHost("h" + index, namespace, SUBNET_PREFIX + index);
        ip(namespace, "addr", "add", host.address() + "/24", "dev", "eth0");
        ip(namespace, "link", "set", "eth0", "up");
        hosts.add(host);
    }

    private void addNamespace(String namespace) {
        run("ip", "netns", "add", namespace);
        namespaces.add(namespace);
        ip(namespace, "link", "set", "lo", "up");
    }

    /** @return the hosts, {@code h1} first */
    List<LabHost> hosts() {
        return List.copyOf(hosts);
    }

    /**
     * @param index 1 for {@code h1}, …
     * @return that host
     */
    LabHost host(int index) {
        return hosts.get(index - 1);
    }

    /** @return the namespace of the switch, where a DNS server for the lab runs */
    String switchNamespace() {
        return switchNamespace;
    }

    /**
     * @param host where to run
     * @param command the command
     * @return the command line that runs it inside the host's namespace
     */
    List<String> inside(LabHost host, List<String> command) {
        return inside(host.namespace(), command);
    }

    /**
     * @param namespace where to run
     * @param command the command
     * @return the command line that runs it inside the namespace ({@code ip netns exec}, which also
     *     puts {@code /etc/netns/<namespace>/resolv.conf} in place of {@code /etc/resolv.conf})
     */
    static List<String> inside(String namespace, List<String> command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(command);
        return line;
    }

    /**
     * Drops this share of the packets every host receives on its link, so each direction of every
     * link loses about that much.
     *
     * @param percent 0 to 100; 0 removes the loss
     */
    void loss(int percent) {
        for (LabHost host : hosts) {
            nft(host.namespace(), "delete table inet lab_loss");
            if (percent > 0) {
                nft(host.namespace(), "add table inet lab_loss\n"
                        + "add chain inet lab_loss in { type filter hook input priority 0; policy accept; }\n"
                        + "add rule inet lab_loss in iifname \"eth0\" numgen random mod 100 < " + percent + " drop\n");
            }
        }
    }

    /**
     * Delays what every host sends to the other hosts, so each direction of every link has this
     * delay (a round trip twice as much).
     *
     * @param delay the delay; {@link LinkDelay#NONE} removes it
     */
    void delay(LinkDelay delay) {
        hosts.forEach(host -> delay(host, delay));
    }

    /**
     * Delays what one host sends to the other hosts, replacing the delay it had.
     *
     * @param host the host
     * @param delay the delay; {@link LinkDelay#NONE} removes it
     */
    void delay(LabHost host, LinkDelay delay) {
        HostDelay previous = delays.remove(host.namespace());
        if (previous != null) {
            previous.stop();
        }
        if (!delay.isNone()) {
            delays.put(host.namespace(), HostDelay.start(host, SUBNET, delay));
        }
    }

    /** Takes the host's link down: it hears nobody and nobody hears it. */
    void cut(LabHost host) {
        ip(host.namespace(), "link", "set", "eth0", "down");
    }

    /** Brings the host's link back up. */
    void restore(LabHost host) {
        ip(host.namespace(), "link", "set", "eth0", "up");
    }

    /**
     * Gives a host a new address, as a machine that comes back with another lease.
     *
     * @param host the host
     * @param lastOctet its new address is {@code 10.77.0.<lastOctet>}
     * @return the host under its new address
     */
    LabHost readdress(LabHost host, int lastOctet) {
        LabHost moved = new LabHost(host.name(), host.namespace(), SUBNET_PREFIX + lastOctet);
        ip(host.namespace(), "addr", "del", host.address() + "/24", "dev", "eth0");
        ip(host.namespace(), "addr", "add", moved.address() + "/24", "dev", "eth0");
        hosts.set(hosts.indexOf(host), moved);
        return moved;
    }

    /**
     * Points a host's resolver at the lab's DNS server ({@code ip netns exec} reads this file).
     *
     * @param host the host
     */
    void useLabDns(LabHost host) {
        Path file = Path.of("/etc/netns", host.namespace(), "resolv.conf");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "nameserver " + DNS_ADDRESS + "\noptions timeout:1 attempts:2\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        endDelays();
        deleteNamespaces();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook runs anyway
        }
    }

    private void endDelays() {
        synchronized (delays) {
            delays.values().forEach(HostDelay::stop);
            delays.clear();
        }
    }

    private void deleteNamespaces() {
        synchronized (namespaces) {
            for (String namespace : namespaces) {
                tryRun("ip", "netns", "delete", namespace);
                deleteTree(Path.of("/etc/netns", namespace));
            }
            namespaces.clear();
        }
    }

    /** Runs {@code ip -n namespace args…}, failing when it fails. */
    static void ip(String namespace, String... args) {
        run(ipCommand(namespace, args));
    }

    /** Runs {@code ip -n namespace args…} and tells whether it worked. */
    static boolean tryIp(String namespace, String... args) {
        return tryRun(ipCommand(namespace, args));
    }

    private static String[] ipCommand(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    private static void nft(String namespace, String script) {
        ProcessResult result = exec(inside(namespace, List.of("nft", "-f", "-")), script);
        if (result.exitCode() != 0 && !script.startsWith("delete")) {
            throw new IllegalStateException("nft in " + namespace + " failed: " + result.output());
        }
    }

    private static void run(String... command) {
        ProcessResult result = exec(List.of(command), null);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output());
        }
    }

    private static boolean tryRun(String... command) {
        return exec(List.of(command), null).exitCode() == 0;
    }

    private static ProcessResult exec(List<String> command, String stdin) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "timed out: " + output);
            }
            return new ProcessResult(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new ProcessResult(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(-1, "interrupted");
        }
    }

    private static void requireNamespaces() {
        String probe = "mltprobe" + ProcessHandle.current().pid();
        boolean works = tryRun("ip", "netns", "add", probe) && tryRun("ip", "netns", "delete", probe)
                && exec(List.of("nft", "--version"), null).exitCode() == 0;
        LabPrerequisite.require(works, "network namespaces cannot be made here (needs root, iproute2 and nftables: "
                + "apt-get install iproute2 nftables, and run as root)");
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: an empty resolver folder left behind harms nothing
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }
}
