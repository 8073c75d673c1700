package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class AdvertiseAddressTest {

    private static final InetSocketAddress BOUND = new InetSocketAddress("127.0.0.3", 41000);

    @Test
    void explicitAdvertiseAddressAndPortWin() {
        MemberlistConfig config = config().advertiseAddress("10.1.2.3").advertisePort(7000).build();

        assertThat(AdvertiseAddress.resolve(config, BOUND)).isEqualTo(new InetSocketAddress("10.1.2.3", 7000));
    }

    @Test
    void advertisePortZeroMeansTheBoundPort() {
        MemberlistConfig config = config().advertiseAddress("10.1.2.3").build();

        assertThat(AdvertiseAddress.resolve(config, BOUND).getPort()).isEqualTo(41000);
    }

    @Test
    void advertisedHostNameIsResolvedToAnAddress() {
        MemberlistConfig config = config().advertiseAddress("localhost").build();

        InetSocketAddress advertised = AdvertiseAddress.resolve(config, BOUND);

        assertThat(advertised.isUnresolved()).isFalse();
        assertThat(advertised.getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void specificBoundAddressIsAdvertisedAsIs() {
        assertThat(AdvertiseAddress.resolve(config().build(), BOUND)).isEqualTo(BOUND);
    }

    @Test
    void ipv4IsAdvertisedAsFourBytesAndIpv6AsSixteen() {
        InetSocketAddress v6 = new InetSocketAddress("::1", 41000);

        assertThat(AdvertiseAddress.resolve(config().build(), BOUND).getAddress().getAddress()).hasSize(4);
        assertThat(AdvertiseAddress.resolve(config().build(), v6).getAddress().getAddress()).hasSize(16);
    }

    @Test
    void wildcardBindAdvertisesAnInterfaceAddressThatOthersCanReach() {
        InetSocketAddress wildcard = new InetSocketAddress(41000);

        InetAddress advertised = AdvertiseAddress.resolve(config().build(), wildcard).getAddress();

        assertThat(advertised.isAnyLocalAddress()).isFalse();
        assertThat(advertised.isLoopbackAddress()).isFalse();
        assertThat(advertised.isLinkLocalAddress()).isFalse();
    }

    private static MemberlistConfig.Builder config() {
        return MemberlistConfig.local().name("n").bindPort(0);
    }
}
