package dev.memberlist.sample;

import dev.memberlist.Memberlist;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts N copies of the sample app in one JVM, each its own Spring context and memberlist node on
 * 127.0.0.1: node 0 first, then the others joining it. Ports count up from the given bases; a base of
 * 0 picks free ports.
 */
final class DemoLauncher {

    private static final String NODES = "--demo.nodes=";
    private static final String HTTP_PORT = "--demo.http-port=";
    private static final String GOSSIP_PORT = "--demo.gossip-port=";

    private final int nodes;
    private final int httpPort;
    private final int gossipPort;
    private final String[] args;

    private DemoLauncher(int nodes, int httpPort, int gossipPort, String[] args) {
        this.nodes = nodes;
        this.httpPort = httpPort;
        this.gossipPort = gossipPort;
        this.args = args;
    }

    static DemoLauncher fromArgs(String[] args) {
        int nodes = 3;
        int httpPort = 8080;
        int gossipPort = 7946;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(NODES)) {
                nodes = Integer.parseInt(arg.substring(NODES.length()));
            } else if (arg.startsWith(HTTP_PORT)) {
                httpPort = Integer.parseInt(arg.substring(HTTP_PORT.length()));
            } else if (arg.startsWith(GOSSIP_PORT)) {
                gossipPort = Integer.parseInt(arg.substring(GOSSIP_PORT.length()));
            } else {
                rest.add(arg);
            }
        }
        return new DemoLauncher(nodes, httpPort, gossipPort, rest.toArray(String[]::new));
    }

    /** @return the started contexts, node 0 first */
    List<ConfigurableApplicationContext> launch() {
        if (nodes == 1) {
            return List.of(SpringApplication.run(SampleApplication.class, args));
        }
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        String seed = null;
        for (int i = 0; i < nodes; i++) {
            ConfigurableApplicationContext context = startNode(i, seed);
            contexts.add(context);
            if (seed == null) {
                seed = "127.0.0.1:" + context.getBean(Memberlist.class).localNode().port();
            }
        }
        for (ConfigurableApplicationContext context : contexts) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            System.out.printf("%s: http://127.0.0.1:%d/%n", context.getBean(Memberlist.class).localNode().name(), port);
        }
        return contexts;
    }

    private ConfigurableApplicationContext startNode(int index, String seed) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + (httpPort == 0 ? 0 : httpPort + index),
                "memberlist.name=node-" + index,
                "memberlist.transport.bind-address=127.0.0.1",
                "memberlist.transport.bind-port=" + (gossipPort == 0 ? 0 : gossipPort + index)));
        if (seed != null) {
            properties.add("memberlist.join.seeds=" + seed);
        }
        return new SpringApplicationBuilder(SampleApplication.class)
                .properties(properties.toArray(String[]::new))
                .run(args);
    }
}
