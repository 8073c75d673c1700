package dev.memberlist;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP network in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}, used to restrict
 * which addresses may join (Go's {@code CIDRsAllowed}). Immutable.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}.
     *
     * @param cidr the notation, an IP literal (never a host name) and a prefix length
     * @return the network
     * @throws IllegalArgumentException when the text is not CIDR notation
     */
    public static Cidr parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("invalid cidr: " + cidr);
        }
        String host = trimmed.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("invalid cidr: " + cidr);
        }
        int prefix;
        byte[] address;
        try {
            prefix = Integer.parseInt(trimmed.substring(slash + 1));
            address = InetAddress.getByName(host).getAddress();
        } catch (NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException("invalid cidr: " + cidr, e);
        }
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("invalid cidr prefix length: " + cidr);
        }
        return new Cidr(mask(address, prefix), prefix, trimmed);
    }

    /**
     * @param address 4 or 16 address bytes; IPv4-mapped IPv6 addresses match IPv4 networks
     * @return whether the address is inside this network
     */
    public boolean contains(byte[] address) {
        byte[] candidate = address;
        if (candidate.length == 16 && network.length == 4 && isIpv4Mapped(candidate)) {
            candidate = Arrays.copyOfRange(candidate, 12, 16);
        }
        return candidate.length == network.length && Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
