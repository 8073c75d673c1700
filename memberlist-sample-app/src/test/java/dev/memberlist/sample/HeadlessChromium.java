package dev.memberlist.sample;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

/**
 * Debian's Chromium and ChromeDriver, headless, for tests that look at a page as a person would.
 * Uses the binaries on this machine and never downloads a browser: where they are missing the test
 * is skipped with a note on how to install them, unless {@code MEMBERLIST_REQUIRE_BROWSER=1} (as in
 * CI) makes that a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @return a started browser; skips (or, in CI, fails) the calling test when there is none */
    static HeadlessChromium start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium or ChromeDriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install them with `apt-get install chromium chromium-driver`, or point the CHROMIUM and "
                + "CHROMEDRIVER environment variables at them";
        if (!present && "1".equals(System.getenv("MEMBERLIST_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(present, missing);
        Path profile = Files.createTempDirectory("memberlist-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1440,960",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves what the browser shows now.
     *
     * @param file where the PNG goes
     */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
