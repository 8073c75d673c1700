package dev.memberlist.sample;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.internal.ClusterMath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster page in a real browser (headless Chromium), as a person would use it: three demo
 * nodes and a fourth in a JVM of its own; the page shows them alive, the fourth killed as SUSPECT
 * and then DEAD, a chat line typed on one page on another, and a leave pressed on one page as LEFT
 * on another. Screenshots go to {@code target/cluster-page/}.
 */
class ClusterPageBrowserTest {

    private static final Path SHOTS = Path.of("target", "cluster-page");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    /** A JVM of its own starts slowly on a busy machine; this is not a protocol bound. */
    private static final Duration NODE_START = Duration.ofSeconds(120);

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Process fourth;
    private HeadlessChromium browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (fourth != null) {
            fourth.destroyForcibly().waitFor();
        }
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void thePageShowsMembersFailuresLeavesAndChatAsTheyHappen() throws Exception {
        browser = HeadlessChromium.start();
        nodes.addAll(DemoLauncher.fromArgs(new String[] {"--demo.nodes=3", "--demo.http-port=0", "--demo.gossip-port=0"})
                .launch());
        WebDriver page = browser.driver();

        page.get(url(0));
        waitForState(page, "node-0", "ALIVE");
        waitForState(page, "node-1", "ALIVE");
        waitForState(page, "node-2", "ALIVE");
        waitUntil(page, PAGE_WAIT, "three alive members in the summary",
                () -> page.findElement(By.id("count-alive")).getText().equals("3"));
        browser.screenshot(SHOTS.resolve("1-three-alive.png"));

        fourth = startFourthNode(gossipPort(0));
        waitForState(page, "node-3", "ALIVE", NODE_START);
        fourth.destroyForcibly();
        Duration bound = detectionBound(nodes.get(0).getBean(Memberlist.class).config(), 4);
        long killedAt = System.nanoTime();
        waitForState(page, "node-3", "SUSPECT", bound);
        browser.screenshot(SHOTS.resolve("2-suspect.png"));
        waitForState(page, "node-3", "DEAD", bound.minusNanos(System.nanoTime() - killedAt));
        browser.screenshot(SHOTS.resolve("3-dead.png"));

        page.findElement(By.id("line")).sendKeys("hello from the browser");
        page.findElement(By.cssSelector("#chat button")).click();
        page.get(url(1));
        waitUntil(page, PAGE_WAIT, "the chat line on node-1's page", () -> page.findElement(By.id("events")).getText()
                .contains("node-0: hello from the browser"));
        browser.screenshot(SHOTS.resolve("4-chat-on-node-1.png"));

        page.get(url(2));
        waitForState(page, "node-2", "ALIVE");
        page.findElement(By.id("leave")).click();
        page.get(url(0));
        waitForState(page, "node-2", "LEFT");
        assertThat(page.findElement(By.cssSelector("tr[data-member='node-3'] .state")).getText()).isEqualTo("DEAD");
        assertThat(page.findElement(By.id("events")).getText()).as("the chat line, heard again, is listed once")
                .containsOnlyOnce("node-0: hello from the browser");
        assertThat(page.findElements(By.cssSelector("#chart-health polyline"))).isNotEmpty();
        assertThat(page.findElements(By.cssSelector("#chart-messages polyline"))).hasSize(2);
        browser.screenshot(SHOTS.resolve("cluster-page.png"));
    }

    /**
     * How long a killed node may take to show as DEAD: every other node probes it within two rounds
     * over the cluster, then the suspicion runs for at most its maximum timeout; plus two seconds
     * for the probe timeout and the page's one-second push.
     */
    private static Duration detectionBound(MemberlistConfig config, int clusterSize) {
        Duration probeRounds = config.probeInterval().multipliedBy(2L * clusterSize);
        Duration maxSuspicion = Duration.ofNanos(ClusterMath.suspicionTimeoutNanos(config.suspicionMult(), clusterSize,
                config.probeInterval().toNanos())).multipliedBy(config.suspicionMaxTimeoutMult());
        return probeRounds.plus(maxSuspicion).plusSeconds(2);
    }

    private Process startFourthNode(int seedPort) throws Exception {
        File log = SHOTS.resolve("node-3.log").toFile();
        log.getParentFile().mkdirs();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SampleApplication.class.getName(), "--demo.nodes=1", "--server.port=0",
                "--memberlist.name=node-3", "--memberlist.transport.bind-address=127.0.0.1", "--memberlist.transport.bind-port=0",
                "--memberlist.join.seeds=127.0.0.1:" + seedPort, "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static void waitForState(WebDriver page, String member, String state) {
        waitForState(page, member, state, PAGE_WAIT);
    }

    private static void waitForState(WebDriver page, String member, String state, Duration within) {
        By cell = By.cssSelector("tr[data-member='" + member + "'] .state");
        waitUntil(page, within, member + " " + state, () -> page.findElements(cell).stream()
                .anyMatch(element -> element.getText().equals(state)));
    }

    private static void waitUntil(WebDriver page, Duration within, String what, BooleanSupplier condition) {
        new WebDriverWait(page, within, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page did not show " + what + " within " + within + "; it shows:\n"
                        + Optional.ofNullable(page.findElement(By.tagName("body")).getText()).orElse(""))
                .until(driver -> condition.getAsBoolean());
    }

    private String url(int node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort() + "/";
    }

    private int gossipPort(int node) {
        return nodes.get(node).getBean(Memberlist.class).localNode().port();
    }
}
