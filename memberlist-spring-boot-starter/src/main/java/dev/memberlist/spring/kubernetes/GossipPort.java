package dev.memberlist.spring.kubernetes;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Picks a pod's gossip port: the configured port when set, else the port named {@code name}, else
 * the node's own port.
 *
 * @param fixed the configured port, or null
 * @param name the name of the container or service port to look for
 */
record GossipPort(@Nullable Integer fixed, String name) {

    /**
     * @param named the ports the pod or service declares, by name
     * @param defaultPort the node's own port
     * @return the port to join
     */
    int pick(Map<String, Integer> named, int defaultPort) {
        if (fixed != null) {
            return fixed;
        }
        Integer port = named.get(name);
        return port != null ? port : defaultPort;
    }

    /** Kubernetes hands out IP literals; anything else is skipped rather than looked up in DNS. */
    static boolean isIpLiteral(@Nullable String ip) {
        return ip != null && !ip.isEmpty() && (ip.indexOf(':') >= 0 || ip.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }
}
