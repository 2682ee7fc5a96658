package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.SharedFiles;
import dev.atelier.transfer.Schedule;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's chromium and chromium-driver): upload a photo and a style, paint, watch
 * the preview change, download the PNG. Screenshots of each stage go to {@code target/web-screenshots/}.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "web-screenshots");
    private static final Path DOWNLOADS = Path.of("target", "web-downloads").toAbsolutePath();

    @Test
    void paintsAPhotoWhileThePreviewChangesAndDownloadsThePicture() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        Path photo = SharedFiles.smallImage("tubingen-128x96.png").toRealPath();
        Path style = SharedFiles.smallImage("starry_night-128x96.png").toRealPath();
        Files.createDirectories(SHOTS);
        clear(DOWNLOADS);
        // Long enough to be watched on an idle machine, short enough on a busy one: previews every 0.25 s and
        // every outer iteration.
        ServerSettings settings = TestServers.settings(new Schedule(6, 10, true, 10), 8, 1 << 20,
                Duration.ofMillis(250));
        Path profile = Files.createTempDirectory("atelier-chromium-");
        try (WebServer server = TestServers.start(settings)) {
            WebDriver browser = chromium(profile);
            try {
                browser.manage().window().setSize(new Dimension(1280, 860));
                browser.get(server.uri().toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(d -> d.findElements(By.cssSelector("#gallery .tile[data-style]")).size() >= 2);
                screenshot(browser, "1-start");

                browser.findElement(By.id("photo-input")).sendKeys(photo.toString());
                browser.findElement(By.id("style-input")).sendKeys(style.toString());
                setRange(browser, "size", 128);
                setRange(browser, "strength", 90);
                wait.until(d -> d.findElement(By.id("paint")).isEnabled());
                screenshot(browser, "2-chosen");

                browser.findElement(By.id("paint")).click();
                Set<String> previews = watchPreviews(browser, 2, Duration.ofSeconds(90));
                screenshot(browser, "3-painting");
                assertThat(previews).as("distinct previews seen while painting").hasSizeGreaterThanOrEqualTo(2);

                new WebDriverWait(browser, Duration.ofSeconds(120))
                        .until(d -> d.findElement(By.id("download")).isDisplayed());
                assertThat(browser.findElement(By.id("status")).getText()).startsWith("Done in");
                assertThat(Integer.parseInt(browser.findElement(By.id("painting-slot"))
                        .getAttribute("data-previews-shown"))).isGreaterThanOrEqualTo(2);
                assertThat(browser.findElements(By.cssSelector("#strip li"))).hasSize(1);
                screenshot(browser, "4-done");

                browser.findElement(By.id("download")).click();
                Path png = awaitDownload(Duration.ofSeconds(20));
                BufferedImage picture = ImageIO.read(png.toFile());
                assertThat(picture.getWidth()).isEqualTo(128);
                assertThat(picture.getHeight()).isEqualTo(96);

                browser.manage().window().setSize(new Dimension(390, 844)); // a phone
                Thread.sleep(300);
                screenshot(browser, "5-phone");
                ((JavascriptExecutor) browser).executeScript("document.getElementById('canvas').scrollIntoView();");
                Thread.sleep(200);
                screenshot(browser, "5-phone-result");
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth > window.innerWidth;");
                assertThat(overflow).as("page wider than a phone screen").isEqualTo(false);

                // Errors are shown in the page in plain words.
                browser.manage().window().setSize(new Dimension(1280, 860));
                Path notAnImage = DOWNLOADS.resolve("notes.png");
                Files.writeString(notAnImage, "not a picture");
                browser.findElement(By.id("photo-input")).sendKeys(notAnImage.toString());
                browser.findElement(By.id("paint")).click();
                WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(d -> Optional.of(d.findElement(By.id("error"))).filter(WebElement::isDisplayed)
                                .orElse(null));
                assertThat(error.getText()).isEqualTo("The photo cannot be read: not a JPEG, PNG, BMP or GIF image.");
                screenshot(browser, "6-error");
            } finally {
                browser.quit();
            }
        } finally {
            deleteTree(profile);
        }
    }

    /** Debian's Chromium through its chromedriver, named explicitly so that Selenium never fetches either. */
    static WebDriver chromium(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,860");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Collects the preview URLs the page shows until {@code wanted} distinct ones were seen (or it is done). */
    private static Set<String> watchPreviews(WebDriver browser, int wanted, Duration timeout) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && seen.size() < wanted) {
            String src = browser.findElement(By.id("painting-view")).getAttribute("src");
            if (src != null && src.contains("/preview.png?v=")) {
                seen.add(src);
            }
            if (browser.findElement(By.id("download")).isDisplayed()) {
                break;
            }
            Thread.sleep(30);
        }
        return seen;
    }

    static void setRange(WebDriver browser, String id, int value) {
        ((JavascriptExecutor) browser).executeScript("const e = document.getElementById(arguments[0]);"
                + "e.value = arguments[1]; e.dispatchEvent(new Event('input'));", id, value);
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path awaitDownload(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().matches("atelier-[0-9a-f]{8}\\.png"))
                        .toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no PNG was downloaded to " + DOWNLOADS);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
