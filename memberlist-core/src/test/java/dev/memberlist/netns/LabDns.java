package dev.memberlist.netns;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server for a {@link NetworkLab}: Debian's dnsmasq in the switch namespace at
 * {@link NetworkLab#DNS_ADDRESS}, answering A records from a hosts file that a test can add to
 * ({@link #add}, which makes dnsmasq read the file again). Skips the calling test where dnsmasq is
 * missing, unless {@code MEMBERLIST_REQUIRE_NETNS=1}. {@link #close()} ends the server by PID.
 */
final class LabDns implements AutoCloseable {

    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    private final Path hostsFile;
    private final Path log;
    private final Process server;
    private int records;

    private LabDns(Path hostsFile, Path log, Process server) {
        this.hostsFile = hostsFile;
        this.log = log;
        this.server = server;
    }

    /**
     * @param lab the lab whose switch namespace runs the server
     * @return the server, answering
     */
    static LabDns start(NetworkLab lab) throws IOException {
        LabPrerequisite.require(Files.isExecutable(DNSMASQ), "dnsmasq is missing: apt-get install dnsmasq-base");
        Path hostsFile = Files.createTempFile("lab-dns-", ".hosts");
        Path log = LabProcess.log(lab.switchNamespace(), "dnsmasq");
        // Until dnsmasq has read its hosts file it has no handler for the SIGHUP that add() sends.
        Process server = LabProcess.start(lab.switchNamespace(), List.of(DNSMASQ.toString(),
                "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--addn-hosts=" + hostsFile,
                "--listen-address=" + NetworkLab.DNS_ADDRESS, "--bind-interfaces", "--user=root", "--pid-file",
                "--local-ttl=0", "--log-queries", "--log-facility=-"),
                log, "read " + hostsFile, Duration.ofSeconds(20));
        return new LabDns(hostsFile, log, server);
    }

    /**
     * Adds an A record and has the server read its records again; returns once it has (SIGHUP is
     * asynchronous: a lookup right after the signal may still get the old records).
     *
     * @param name the name
     * @param address an IPv4 address
     */
    void add(String name, String address) {
        try {
            Files.writeString(hostsFile, address + " " + name + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records++;
        reload();
        String reread = "read " + hostsFile + " - " + records + " names";
        Awaitility.await("dnsmasq writes '" + reread + "'").atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(log).contains(reread));
    }

    private void reload() {
        try {
            new ProcessBuilder("kill", "-HUP", String.valueOf(server.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.toHandle().destroyForcibly();
        Files.deleteIfExists(hostsFile);
    }
}
