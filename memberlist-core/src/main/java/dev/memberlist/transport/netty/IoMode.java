package dev.memberlist.transport.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's I/O flavour: Linux epoll when its native library is on the classpath and loads, NIO
 * otherwise. The system property {@code memberlist.netty.native=false} forces NIO.
 *
 * @param name for logs
 * @param handlerFactory the event loops' I/O handler
 * @param datagramChannel the UDP channel class
 * @param serverChannel the TCP server channel class
 * @param socketChannel the TCP client channel class
 */
record IoMode(String name, IoHandlerFactory handlerFactory, Class<? extends DatagramChannel> datagramChannel,
              Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {

    private static final Logger log = LoggerFactory.getLogger(IoMode.class);
    private static final String EPOLL_MODE = "dev.memberlist.transport.netty.EpollMode";

    static IoMode nio() {
        return new IoMode("nio", NioIoHandler.newFactory(), NioDatagramChannel.class, NioServerSocketChannel.class,
                NioSocketChannel.class);
    }

    /** @return epoll when available and not disabled, else NIO */
    static IoMode best() {
        if (!Boolean.parseBoolean(System.getProperty("memberlist.netty.native", "true"))) {
            return nio();
        }
        try {
            Class.forName("io.netty.channel.epoll.Epoll");
            IoMode epoll = (IoMode) Class.forName(EPOLL_MODE).getMethod("createIfAvailable").invoke(null);
            if (epoll != null) {
                return epoll;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            log.debug("Netty epoll is not available, using NIO: {}", e.toString());
        }
        return nio();
    }
}
