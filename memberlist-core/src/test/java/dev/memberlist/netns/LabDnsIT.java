package dev.memberlist.netns;

import dev.memberlist.interop.RestartableNode;
import dev.memberlist.interop.Timings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.memberlist.interop.RestartableNode.Kind.JAVA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining by a DNS name served by a real DNS server (dnsmasq) on the lab network: the name's A
 * records are the seeds, and records added later are found when the seeds are resolved again.
 */
class LabDnsIT {

    private static final String NAME = "cluster.lab.test";

    private NetworkLab lab;
    private LabDns dns;
    private LabCluster cluster;

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
            if (dns != null) {
                dns.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void nodesJoinByNameAndFindRecordsAddedLater() throws Exception {
        lab = NetworkLab.create(4);
        dns = LabDns.start(lab);
        lab.hosts().forEach(lab::useLabDns);
        cluster = new LabCluster(lab, Timings.LAN, "LabDnsIT");
        dns.add(NAME, lab.host(1).address());
        dns.add(NAME, lab.host(2).address());

        RestartableNode h1 = cluster.start(JAVA, lab.host(1));
        RestartableNode h2 = cluster.start(JAVA, lab.host(2), "-join", LabCluster.seed(lab.host(1)));
        RestartableNode h3 = cluster.start(JAVA, lab.host(3), "-join", NAME);
        assertThat(h3.process().await("joined").get("joined")).as("seeds reached through %s", NAME).isEqualTo(2L);
        RestartableNode h4 = cluster.start(JAVA, lab.host(4));

        dns.add(NAME, lab.host(4).address());
        int mark = h3.process().eventCount();
        h3.process().command("join " + NAME);
        assertThat(h3.process().awaitFrom(mark, "joined", e -> true).get("joined"))
                .as("seeds reached once %s also names h4", NAME).isEqualTo(3L);
        cluster.awaitConverged(Duration.ofSeconds(30), List.of(h1, h2, h3, h4));
    }
}
