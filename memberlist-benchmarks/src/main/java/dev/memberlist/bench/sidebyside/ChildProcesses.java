package dev.memberlist.bench.sidebyside;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the harness started and has not yet reaped, so that a shutdown hook (Ctrl-C, an error)
 * kills them by handle, by PID, and never leaves a node behind. Each node also gets {@code -lifetime} as
 * a second net. Thread-safe.
 */
final class ChildProcesses {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "sidebyside-kill-children"));
    }

    private ChildProcesses() {
    }

    /** @param process a child that the hook must kill if the harness ends first */
    static void register(Process process) {
        LIVE.add(process.toHandle());
    }

    /** @param process a child that has ended or been killed */
    static void forget(Process process) {
        LIVE.remove(process.toHandle());
    }

    /** @return how many children are registered and not yet reaped */
    static int live() {
        return LIVE.size();
    }

    /** Sends SIGKILL to every child still registered. */
    static void killAll() {
        for (ProcessHandle child : LIVE) {
            child.destroyForcibly();
        }
        LIVE.clear();
    }
}
