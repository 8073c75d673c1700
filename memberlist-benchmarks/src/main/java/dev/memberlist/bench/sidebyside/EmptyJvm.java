package dev.memberlist.bench.sidebyside;

import java.io.IOException;

/**
 * A JVM that does nothing until its stdin ends: the idle CPU and RSS of the runtime itself, measured
 * beside the nodes so the Java figures can be read against it.
 */
public final class EmptyJvm {

    private EmptyJvm() {
    }

    /**
     * Blocks reading stdin, then exits.
     *
     * @param args ignored
     * @throws IOException never in practice: a broken stdin ends the wait as its end does
     */
    public static void main(String[] args) throws IOException {
        while (System.in.read() >= 0) {
            // Nothing to do: the harness only closes stdin.
        }
    }
}
