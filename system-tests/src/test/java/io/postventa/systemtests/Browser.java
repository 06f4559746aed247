package io.postventa.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.postventa.testing.TestStack;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, nothing downloaded) on a fresh profile, in English,
 * with the checks every page gets: axe-core (no serious or critical violation), screenshots for docs/ and the page's
 * weight. A desktop window for the console ({@link #open()}), a phone's for the customer portal ({@link #phone()}).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    /** The CSS size of a common phone's screen (the portal is laid out for it first). */
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1400, 1000);

    private Browser(Dimension size) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the console's browser tests need Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--lang=en-US", "--window-size=" + size.width + "," + size.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
        driver.manage().window().setSize(size);
    }

    /** A desktop-sized window. */
    public static Browser open() {
        return open(DESKTOP);
    }

    /** A phone-sized window ({@link #PHONE}). */
    public static Browser phone() {
        return open(PHONE);
    }

    private static Browser open(Dimension size) {
        try {
            return new Browser(size);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    /**
     * What the current page weighs: the document and every file it loaded (stylesheet, script, images), as decoded
     * bytes, whether they came over the network or from the cache.
     */
    public long pageWeight() {
        Object bytes = driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                let total = nav ? nav.decodedBodySize : document.documentElement.outerHTML.length;
                for (const r of performance.getEntriesByType('resource')) { total += r.decodedBodySize; }
                return total;""");
        return ((Number) bytes).longValue();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** axe-core on the current page: fails naming each serious or critical violation and where it is. */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(bad.isEmpty(), page + " has serious or critical accessibility violations: " + bad.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    /** Writes a screenshot of the current page to docs/screenshots/NAME.png (committed with the docs). */
    public Path screenshot(String name) {
        Path target = TestStack.projectRoot().resolve("docs").resolve("screenshots").resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + target, e);
        }
        return target;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
