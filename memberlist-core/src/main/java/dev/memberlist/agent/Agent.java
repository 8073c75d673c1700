package dev.memberlist.agent;

import dev.memberlist.InvalidConfigurationException;
import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Node;
import dev.memberlist.transport.SeedAddress;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A memberlist node for the shell, the Java twin of the Go interop peer {@code gopeer} in its
 * single-node mode: the same flags ({@code -name}, {@code -port}, {@code -join}, {@code -config}, ...,
 * plus {@code -label}), the same commands on stdin ({@code members}, {@code join}, {@code broadcast},
 * {@code send}, {@code send-udp}, {@code ping}, {@code meta}, {@code state}, {@code install-key},
 * {@code use-key}, {@code remove-key}, {@code stats}, {@code leave}, {@code quit}) and the same JSON-line
 * events on stdout ({@code ready}, {@code join}, {@code leave}, {@code update}, {@code suspect},
 * {@code joined}, {@code msg}, {@code remote_state}, {@code members}, {@code ping}, {@code keys},
 * {@code stats}, {@code left}, {@code error}, {@code expired}), each with {@code t} in unix
 * milliseconds.
 *
 * <pre>
 * java -jar memberlist-core-&lt;version&gt;-agent.jar -name a
 * java -jar memberlist-core-&lt;version&gt;-agent.jar -name b -join 127.0.0.1:PORT_OF_A
 * </pre>
 *
 * <p>End of stdin, {@code quit}, {@code -lifetime}, SIGTERM and SIGINT stop the node without leaving (the
 * others see a failure); {@code leave} leaves gracefully first. Exit codes: 0 after a stop, except the
 * JVM's 143 after SIGTERM and 130 after SIGINT (gopeer exits 0 there); 1 when the node cannot start
 * (the port is taken); 2 for bad flags, after an {@code error} event and the usage on stderr. Only
 * events go to stdout; logs go to stderr.
 */
public final class Agent {

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final String SIMPLE_LOGGER_PREFIX = "org.slf4j.simpleLogger.";

    private Agent() {
    }

    /**
     * Runs one node until stdin ends or a command, signal or {@code -lifetime} stops it; never returns.
     *
     * @param args the flags; {@code -help} lists them
     */
    public static void main(String[] args) {
        // Events own stdout: anything else that prints there (a logger's console appender) goes to stderr.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        EventWriter events = EventWriter.start(new FileOutputStream(FileDescriptor.out), System::currentTimeMillis);
        Flags flags;
        MemberlistConfig draft;
        byte[] meta;
        try {
            flags = Flags.parse(Arrays.asList(args));
            if (flags.helpRequested()) {
                System.err.print(Flags.usage());
                exit(events, 0);
            }
            chooseLogLevels(flags.bool(AgentFlag.VERBOSE));
            meta = AgentConfig.meta(flags);
            draft = AgentConfig.builder(flags)
                    .name(flags.string(AgentFlag.NAME).isEmpty() ? "java" : flags.string(AgentFlag.NAME))
                    .telemetry(new SuspectTelemetry(events))
                    .build();
        } catch (IllegalArgumentException | InvalidConfigurationException e) {
            events.emit("error", "error", e.getMessage());
            System.err.println(e.getMessage());
            System.err.print(Flags.usage());
            exit(events, 2);
            return;
        }
        run(flags, draft, meta, events);
    }

    /**
     * Sets slf4j-simple's levels (it is bundled in the agent jar) unless the user chose them with
     * {@code -D}: warnings only, or with {@code -verbose} memberlist at debug and the rest at info.
     */
    private static void chooseLogLevels(boolean verbose) {
        setUnlessSet(SIMPLE_LOGGER_PREFIX + "defaultLogLevel", verbose ? "info" : "warn");
        if (verbose) {
            setUnlessSet(SIMPLE_LOGGER_PREFIX + "log.dev.memberlist", "debug");
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static void run(Flags flags, MemberlistConfig draft, byte[] meta, EventWriter events) {
        CountingTransport transport;
        Memberlist memberlist;
        UserBroadcasts broadcasts;
        AgentDelegate delegate;
        try {
            transport = CountingTransport.bind(draft);
            String name = flags.string(AgentFlag.NAME).isEmpty() ? "java-" + transport.boundPort() : draft.name();
            String state = flags.string(AgentFlag.STATE).isEmpty() ? "state-of-" + name : flags.string(AgentFlag.STATE);
            AtomicReference<Memberlist> created = new AtomicReference<>();
            broadcasts = new UserBroadcasts(draft.retransmitMult(),
                    () -> created.get() == null ? 1 : created.get().numMembers());
            delegate = new AgentDelegate(events, broadcasts, meta, state.getBytes(StandardCharsets.UTF_8));
            memberlist = Memberlist.create(draft.toBuilder().name(name).delegate(delegate).events(delegate).build(),
                    transport);
            created.set(memberlist);
        } catch (RuntimeException e) {
            events.emit("error", "error", "create: " + e.getMessage());
            exit(events, 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            memberlist.shutdown();
            events.flush(FLUSH_TIMEOUT);
        }, "agent-shutdown"));
        Node local = memberlist.localNode();
        events.emit("ready", "node", local.name(), "addr", SeedAddress.format(local.socketAddress()),
                "pid", ProcessHandle.current().pid());
        Commands commands = new Commands(memberlist, delegate, broadcasts, new ProcessStats(transport), events);
        if (!flags.string(AgentFlag.JOIN).isEmpty()) {
            commands.run("join " + flags.string(AgentFlag.JOIN));
        }
        Duration lifetime = flags.duration(AgentFlag.LIFETIME);
        if (lifetime.compareTo(Duration.ZERO) > 0) {
            CompletableFuture.delayedExecutor(lifetime.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                events.emit("expired");
                exit(events, 0);
            });
        }
        readCommands(commands);
        exit(events, 0);
    }

    private static void readCommands(Commands commands) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = stdin.readLine()) != null) {
                if (commands.run(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            // A broken stdin is an end of stdin: the controlling process is gone.
        }
    }

    private static void exit(EventWriter events, int code) {
        events.flush(FLUSH_TIMEOUT);
        System.exit(code);
    }
}
