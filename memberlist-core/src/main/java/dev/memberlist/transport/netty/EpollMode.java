package dev.memberlist.transport.netty;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * Builds the epoll {@link IoMode}. Loaded only by reflection, after checking that Netty's epoll
 * classes are on the classpath, so that NIO-only classpaths never touch it.
 */
final class EpollMode {

    private EpollMode() {
    }

    /** @return the epoll mode, or null when the native library does not load on this machine */
    public static IoMode createIfAvailable() {
        if (!Epoll.isAvailable()) {
            return null;
        }
        return new IoMode("epoll", EpollIoHandler.newFactory(), EpollDatagramChannel.class,
                EpollServerSocketChannel.class, EpollSocketChannel.class);
    }
}
