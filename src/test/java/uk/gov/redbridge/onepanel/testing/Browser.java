package uk.gov.redbridge.onepanel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium driven by chromedriver, for the browser tests: open pages of the service, type, click,
 * read, and {@link #check} a page (a full-height screenshot under target/screenshots/ and axe-core's verdict, serious
 * and critical violations collected in {@link #accessibilityProblems()}). axe-core comes from the npm registry
 * ({@code .ci/run} installs it under target/node; {@code -Daxe.script=...} points elsewhere).
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE = Path.of(System.getProperty("axe.script", "target/node/node_modules/axe-core/axe.min.js"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebDriver driver;
    private final List<String> accessibilityProblems = new ArrayList<>();
    private int port;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser start() throws IOException {
        assertThat(AXE).as("axe-core: run `npm install --prefix target/node axe-core` (.ci/run does)").exists();
        Path profile = Files.createTempDirectory("onepanel-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // no internet on these machines: background networking makes Chromium hang
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver);
    }

    /** The service under test: pages are opened on this port. */
    public Browser on(int port) {
        this.port = port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    public void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Clicks an element; for a button or a link to another page, waits until the page it leads to has replaced this
     * one (a loaded machine can return from the click before the new page is there, and the next look would read
     * the old page).
     */
    public void click(String css) {
        click(driver.findElement(By.cssSelector(css)));
    }

    /** As {@link #click(String)}, for an element found another way (by its link text, say). */
    public void click(WebElement element) {
        String tag = element.getTagName();
        String href = element.getDomAttribute("href");
        boolean navigates = (tag.equals("a") && href != null && !href.startsWith("#")) || tag.equals("button")
                || (tag.equals("input") && "submit".equals(element.getDomAttribute("type")));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (navigates) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        }
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Signs in afresh (any earlier session's cookie dropped first). */
    public void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("username", username);
        type("password", password);
        click("button.govuk-button");
    }

    /**
     * The page as a phone shows it: a viewport {@code width} CSS pixels wide (Chrome's device emulation, so the
     * window's own minimum width does not get in the way); 0 goes back to the desktop window.
     */
    public void viewport(int width) {
        ChromeDriver chrome = (ChromeDriver) driver;
        if (width <= 0) {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            return;
        }
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    /** How many CSS pixels the page is wider than its viewport: 0 when nothing makes it scroll sideways. */
    public long sidewaysOverflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                        + " - document.documentElement.clientWidth);");
    }

    /** What the page says to a person: its title and the text of its body as rendered. */
    public String visibleText() {
        return driver.getTitle() + "\n" + driver.findElement(By.tagName("body")).getText();
    }

    /** Every serious or critical axe-core violation found by {@link #check} so far. */
    public List<String> accessibilityProblems() {
        return accessibilityProblems;
    }

    /** A full-height screenshot of the page, and axe-core's verdict on it. */
    public void check(String name) throws IOException {
        Dimension normal = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(normal.getWidth(), (int) Math.min(height + 150, 6000)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(normal);

        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(AXE));
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('[{\"id\":\"axe-error\",\"impact\":\"critical\",\"help\":\"' + e + '\",\"nodes\":[]}]'));");
        Files.writeString(SCREENSHOTS.resolve(name + ".axe.json"), result);
        for (JsonNode violation : JSON.readTree(result)) {
            String impact = violation.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                accessibilityProblems.add(name + ": " + violation.path("id").asString() + " (" + impact + ") "
                        + violation.path("help").asString() + " at " + targets);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
