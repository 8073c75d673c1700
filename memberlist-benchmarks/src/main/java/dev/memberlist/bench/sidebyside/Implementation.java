package dev.memberlist.bench.sidebyside;

import java.util.ArrayList;
import java.util.List;

/**
 * One membership implementation under test. All of them speak the peer protocol of gopeer (the same
 * flags, stdin commands and JSON events), so a node of any of them is its launcher followed by the same
 * flags.
 *
 * @param key short name for options and file names ({@code java}, {@code go}, {@code scalecube}, {@code java25})
 * @param label column heading ("Java (JDK 17)", "Go 0.2.2", "scalecube 2.7.10")
 * @param launcher the command line before the peer flags, e.g. {@code [java, -jar, agent.jar]}
 * @param reportsSuspect whether it prints {@code suspect} events (scalecube 2.7 exposes no such event)
 */
record Implementation(String key, String label, List<String> launcher, boolean reportsSuspect) {

    /** Copies the launcher. */
    Implementation {
        launcher = List.copyOf(launcher);
        if (launcher.isEmpty()) {
            throw new IllegalArgumentException("empty launcher for " + key);
        }
    }

    /**
     * @param flags the peer flags
     * @return the whole command line of one node
     */
    List<String> command(List<String> flags) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(flags);
        return command;
    }
}
