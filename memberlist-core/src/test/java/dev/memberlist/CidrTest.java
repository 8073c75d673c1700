package dev.memberlist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.1.2.3, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.168.1.0/24, 192.168.1.255, true",
        "192.168.1.0/24, 192.168.2.1, false",
        "127.0.0.1/32, 127.0.0.1, true",
        "0.0.0.0/0, 8.8.8.8, true",
        "fd00::/8, fd12::1, true",
        "fd00::/8, fe80::1, false",
        "10.0.0.0/8, ::ffff:10.0.0.1, true"})
    void matchesAddressesInsideTheNetwork(String cidr, String address, boolean inside) throws Exception {
        byte[] bytes = address.startsWith("::ffff:")
                ? mapped(InetAddress.getByName(address.substring(7)).getAddress())
                : InetAddress.getByName(address).getAddress();

        assertThat(Cidr.parse(cidr).contains(bytes)).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "example.com/8", "/8", "10.0.0.0/x"})
    void rejectsWhatIsNotCidrNotation(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] mapped(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }
}
