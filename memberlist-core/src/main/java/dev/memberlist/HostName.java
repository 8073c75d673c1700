package dev.memberlist;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's host name, the default node name (Go uses {@code os.Hostname()}). */
final class HostName {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    static String local() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            if (Files.isReadable(KERNEL_HOSTNAME)) {
                String kernel = Files.readString(KERNEL_HOSTNAME).trim();
                if (!kernel.isEmpty()) {
                    return kernel;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
