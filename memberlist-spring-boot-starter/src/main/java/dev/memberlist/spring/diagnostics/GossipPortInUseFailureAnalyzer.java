package dev.memberlist.spring.diagnostics;

import dev.memberlist.MemberlistException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.net.BindException;

/**
 * Explains a memberlist node that could not bind its gossip port (UDP and TCP) because another
 * process holds it. Other start failures are left to the default report.
 */
public final class GossipPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<MemberlistException> {

    // Netty's native epoll transport reports the OS error as text rather than as a BindException.
    private static final String IN_USE = "Address already in use";

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, MemberlistException cause) {
        if (!portInUse(cause)) {
            return null;
        }
        return new FailureAnalysis("The memberlist node could not listen for gossip: " + cause.getMessage() + ".",
                "Stop the process that holds the port, or give this node another one with "
                        + "memberlist.transport.bind-port (0 picks a free port; every node then needs a seed that "
                        + "names a node's actual port).",
                cause);
    }

    private static boolean portInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains(IN_USE)) {
                return true;
            }
        }
        return false;
    }
}
