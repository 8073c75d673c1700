package dev.memberlist.netns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Times round trips to an {@link EchoServer}: {@code count} UDP datagrams one after the other, each
 * given {@value #UDP_TIMEOUT_MILLIS} ms (printed as {@code udp <micros>} or {@code udp lost}), then one
 * TCP connection (its handshake printed as {@code connect <micros>}) carrying {@code count} requests of
 * {@value #SIZE} bytes, each answered before the next ({@code tcp <micros>}), and last a burst of
 * {@code count} UDP datagrams sent back to back, printed as {@code burst <answers> <out of order>}: how
 * many came back, and how many of those after a later one. Run on a lab host by {@link LabEcho}.
 */
final class RoundTripProbe {

    private static final int SIZE = 64;
    private static final int UDP_TIMEOUT_MILLIS = 1_000;

    private RoundTripProbe() {
    }

    /**
     * @param args the echo server's address, its port and how many round trips of each kind
     */
    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        probeUdp(server, count);
        probeTcp(server, count);
        probeOrder(server, count);
    }

    private static void probeUdp(InetSocketAddress server, int count) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] reply = new byte[SIZE];
            for (long seq = 0; seq < count; seq++) {
                byte[] request = ByteBuffer.allocate(SIZE).putLong(seq).array();
                long start = System.nanoTime();
                socket.send(new DatagramPacket(request, SIZE, server));
                System.out.println("udp " + awaitReply(socket, reply, seq, start));
            }
        }
    }

    /** @return the round trip in microseconds, or {@code lost}; a late answer to an earlier datagram is skipped */
    private static String awaitReply(DatagramSocket socket, byte[] reply, long seq, long start) throws IOException {
        long deadline = start + UDP_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return "lost";
            }
            socket.setSoTimeout((int) leftMillis);
            try {
                socket.receive(new DatagramPacket(reply, SIZE));
            } catch (SocketTimeoutException e) {
                return "lost";
            }
            if (ByteBuffer.wrap(reply).getLong() == seq) {
                return String.valueOf((System.nanoTime() - start) / 1_000);
            }
        }
    }

    private static void probeOrder(InetSocketAddress server, int count) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (long seq = 0; seq < count; seq++) {
                socket.send(new DatagramPacket(ByteBuffer.allocate(SIZE).putLong(seq).array(), SIZE, server));
            }
            socket.setSoTimeout(UDP_TIMEOUT_MILLIS);
            byte[] reply = new byte[SIZE];
            int answers = 0;
            int outOfOrder = 0;
            long latest = -1;
            try {
                while (answers < count) {
                    socket.receive(new DatagramPacket(reply, SIZE));
                    long seq = ByteBuffer.wrap(reply).getLong();
                    answers++;
                    if (seq < latest) {
                        outOfOrder++;
                    }
                    latest = Math.max(latest, seq);
                }
            } catch (SocketTimeoutException e) {
                // the rest is lost
            }
            System.out.println("burst " + answers + " " + outOfOrder);
        }
    }

    private static void probeTcp(InetSocketAddress server, int count) throws IOException {
        try (Socket socket = new Socket()) {
            long start = System.nanoTime();
            socket.connect(server, 5_000);
            System.out.println("connect " + (System.nanoTime() - start) / 1_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] request = new byte[SIZE];
            byte[] reply = new byte[SIZE];
            for (int i = 0; i < count; i++) {
                start = System.nanoTime();
                out.write(request);
                out.flush();
                in.readFully(reply);
                System.out.println("tcp " + (System.nanoTime() - start) / 1_000);
            }
        }
    }
}
