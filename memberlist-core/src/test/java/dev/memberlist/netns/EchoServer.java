package dev.memberlist.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Answers every UDP datagram and every byte on a TCP connection with the same bytes, on one port of
 * all addresses, for {@link RoundTripProbe} to time. Prints {@code ready} once both sockets listen and
 * runs until it is ended. Started on a lab host by {@link LabEcho}.
 */
final class EchoServer {

    private EchoServer() {
    }

    /**
     * @param args the port
     */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(port));
        ServerSocket tcp = new ServerSocket(port);
        Thread acceptor = new Thread(() -> acceptConnections(tcp), "echo-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("ready");
        System.out.flush();
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);
            udp.send(packet);
        }
    }

    private static void acceptConnections(ServerSocket tcp) {
        while (true) {
            try {
                Socket connection = tcp.accept();
                connection.setTcpNoDelay(true);
                Thread echo = new Thread(() -> echo(connection), "echo-" + connection.getRemoteSocketAddress());
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                System.out.println("accept failed: " + e);
                return;
            }
        }
    }

    private static void echo(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            System.out.println("connection ended: " + e);
        }
    }
}
