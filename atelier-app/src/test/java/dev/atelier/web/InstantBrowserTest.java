package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.SharedFiles;
import dev.atelier.instant.Finish;
import dev.atelier.transfer.Schedule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An instant style in the page (headless Chromium): it shows in the gallery beside the paintings, Paint gives the
 * picture of a 512 px photo within 2 s of the click, and the strength slider then re-blends it without a new job.
 * Screenshots go to {@code target/web-screenshots/instant-*.png}.
 */
class InstantBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void anInstantStylePaintsWithinTwoSecondsAndTheSliderReblendsWithoutANewJob() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        Path wave = SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/"
                + "0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer/wave");
        assumeTrue(Files.isDirectory(wave), "the mirror's wave is absent");
        Path photo = Path.of("src/test/resources/instant/tubingen-512x384.png").toRealPath();
        Files.createDirectories(Path.of("target", "web-screenshots"));
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, TestServers.styles(), null, 8, 1 << 22,
                ServerSettings.DEFAULT_MAX_PIXELS, 1024, 512, Duration.ofMinutes(5), Duration.ofSeconds(2),
                new Schedule(2, 5, true, 5));
        Path profile = Files.createTempDirectory("atelier-chromium-");
        try (WebServer server = WebServer.start(TestServers.weights(), settings,
                InstantStyles.of(Map.of("wave", wave)))) {
            WebDriver browser = BrowserTest.chromium(profile);
            try {
                browser.manage().window().setSize(new Dimension(1280, 900));
                browser.get(server.uri().toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                By tile = By.cssSelector("#gallery .tile.instant[data-style='instant:wave']");
                wait.until(d -> d.findElements(tile).size() == 1);
                // the thumbnail is the network's own picture: wait until it is shown (this loads the network)
                wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "const i = document.querySelector(\"[data-style='instant:wave'] img\");"
                                + "return i.complete && i.naturalWidth > 0;"));
                assertThat(browser.findElements(By.cssSelector("#gallery .tile[data-style]")).size())
                        .as("paintings beside the instant style").isGreaterThan(1);
                browser.findElement(By.id("photo-input")).sendKeys(photo.toString());
                browser.findElement(tile).click();
                BrowserTest.setRange(browser, "size", 512);
                wait.until(d -> d.findElement(By.id("paint")).isEnabled());
                BrowserTest.screenshot(browser, "instant-1-chosen");

                int jobsBefore = server.jobCount();
                long click = System.nanoTime();
                browser.findElement(By.id("paint")).click();
                wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "const v = document.getElementById('painting-view');"
                                + "return !v.hidden && v.src.includes('/result.png') && v.complete && v.naturalWidth > 0;"));
                double seconds = (System.nanoTime() - click) / 1e9;
                System.out.printf("instant style: click to picture %.2f s (load %s)%n", seconds, load());
                BrowserTest.screenshot(browser, "instant-2-done");
                assertThat(server.jobCount()).isEqualTo(jobsBefore + 1);
                assertThat(seconds).as("click to picture, seconds (load " + load() + ")")
                        .isLessThanOrEqualTo(busy() ? 10 : 2);

                BrowserTest.setRange(browser, "strength", 40);
                String opacity = browser.findElement(By.id("painting-view")).getCssValue("opacity");
                assertThat(Double.parseDouble(opacity)).isEqualTo(0.4);
                assertThat(browser.findElement(By.id("painting-photo")).isDisplayed()).isTrue();
                assertThat(browser.findElement(By.id("painting-caption")).getText()).contains("strength 40");
                BrowserTest.screenshot(browser, "instant-3-strength-40");
                assertThat(server.jobCount()).as("no new job for a strength change").isEqualTo(jobsBefore + 1);

                // the download is the same blend, made by the server
                String href = browser.findElement(By.id("download")).getAttribute("href");
                assertThat(href).contains("strength=40");
                String resultUrl = browser.findElement(By.id("painting-view")).getAttribute("src");
                String photoUrl = browser.findElement(By.id("painting-photo")).getAttribute("src");
                BufferedImage blended = get(href);
                BufferedImage expected = Finish.blend(get(resultUrl), get(photoUrl), 40);
                assertThat(blended.getWidth()).isEqualTo(512);
                assertThat(blended.getHeight()).isEqualTo(384);
                for (int y = 0; y < 384; y += 7) {
                    for (int x = 0; x < 512; x += 7) {
                        assertThat(blended.getRGB(x, y)).isEqualTo(expected.getRGB(x, y));
                    }
                }
                assertThat(server.jobCount()).isEqualTo(jobsBefore + 1);
            } finally {
                browser.quit();
            }
        } finally {
            BrowserTest.deleteTree(profile);
        }
    }

    private static BufferedImage get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** More runnable threads than twice the cores: then only a loose bound is meaningful (the report says which). */
    private static boolean busy() {
        try {
            return Double.parseDouble(load()) > 2.0 * Runtime.getRuntime().availableProcessors();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
