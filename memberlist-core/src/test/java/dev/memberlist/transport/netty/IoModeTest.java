package dev.memberlist.transport.netty;

import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class IoModeTest {

    private static final String NATIVE = "memberlist.netty.native";

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void epollIsChosenOnLinuxWhenItsNativeLibraryIsOnTheClasspath() {
        IoMode mode = IoMode.best();

        assertThat(mode.name()).isEqualTo("epoll");
        assertThat(mode.datagramChannel()).isEqualTo(EpollDatagramChannel.class);
    }

    @Test
    void systemPropertyForcesNio() {
        String previous = System.setProperty(NATIVE, "false");
        try {
            IoMode mode = IoMode.best();

            assertThat(mode.name()).isEqualTo("nio");
            assertThat(mode.datagramChannel()).isEqualTo(NioDatagramChannel.class);
        } finally {
            if (previous == null) {
                System.clearProperty(NATIVE);
            } else {
                System.setProperty(NATIVE, previous);
            }
        }
    }
}
