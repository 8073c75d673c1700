package dev.memberlist.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The memberlist demo: a Spring Boot app that is one cluster member, with a live cluster page at
 * {@code /}. {@link #main} starts three of them on loopback, joined into one cluster; run it with
 * {@code --demo.nodes=1} to start a single node configured only by {@code application.yml} and the
 * command line (for example to join nodes on other machines).
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

    /**
     * Starts the demo.
     *
     * @param args Spring Boot arguments, plus {@code --demo.nodes}, {@code --demo.http-port} and
     *     {@code --demo.gossip-port}
     */
    public static void main(String[] args) {
        DemoLauncher.fromArgs(args).launch();
    }
}
