package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.testing.PageTestData;

/**
 * Signing in and out through the real servlet container, as a browser does (cookies, CSRF tokens from the pages):
 * the service's own 403 and 404 pages, the security headers, and an expired session that keeps what was typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInFlowTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    MailAccounts accounts;
    @Autowired
    ExceptionsQueue queue;
    @Autowired
    ReferralLog referrals;

    /** A browser: its own cookies, no automatic redirects (each step is checked). */
    class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String referer)
                throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (referer != null) {
                b.header("Referer", "http://127.0.0.1:" + port + referer);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String user, String password) throws IOException, InterruptedException {
            String token = csrf(get("/login").body());
            HttpResponse<String> r = post("/login", Map.of("username", user, "password", password, "_csrf", token),
                    null);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        /** The session cookie is replaced by one the server no longer knows: as after 15 idle minutes. */
        void loseSession() {
            cookies.getCookieStore().removeAll();
            var stale = new java.net.HttpCookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF");
            stale.setPath("/");
            stale.setVersion(0);
            cookies.getCookieStore().add(uri("/"), stale);
        }
    }

    @Test
    void signingInAndOut() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/referrals");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> wrong = browser.post("/login", Map.of("username", "secretariat", "password", "nope",
                "_csrf", csrf(browser.get("/login").body())), null);
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("<title>Error: Sign in", "Enter a correct user name");

        browser.signIn("secretariat", "test-secret");
        HttpResponse<String> log = browser.get("/referrals");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(log.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(log.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(log.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", csrf(log.body())), null);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
        assertThat(browser.get("/login?signedOut").body()).contains("You have signed out");
        assertThat(browser.get("/referrals").statusCode()).isEqualTo(302);
    }

    @Test
    void anUploadFarOverTheLimitIsRefusedWithAPageThatSaysSo() throws Exception {
        Browser browser = new Browser();
        browser.signIn("secretariat", "test-secret");
        String token = csrf(browser.get("/referrals").body());
        String boundary = "----onepanel-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPAPER\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] file = new byte[70 * 1024 * 1024];
        java.util.Arrays.fill(file, (byte) 'x');
        HttpRequest request = HttpRequest.newBuilder(uri("/referrals/OP-2026-0001/add-document"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();

        HttpResponse<String> refused = browser.http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("<title>The file is too large", "Nothing was added", "govuk-template");
    }

    @Test
    void theServiceHasItsOwnNotFoundAndRefusedPages() throws Exception {
        addUser("rory.reader", "reader-secret", "READONLY");
        Browser browser = new Browser();
        browser.signIn("rory.reader", "reader-secret");

        HttpResponse<String> missing = browser.get("/referrals/OP-2026-9999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "govuk-template", "Signed in as rory.reader");

        HttpResponse<String> refused = browser.get("/referrals/export.csv");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do this", "govuk-template");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.refused' AND actor = 'rory.reader'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void anExpiredSessionReturnsToSignInAndTheReviewKeepsWhatWasTyped() throws Exception {
        Referral referral = new PageTestData(accounts, jdbc).doubtfulReferral(PageTestData.uniqueSender(), queue,
                referrals);
        String review = "/referrals/" + referral.reference() + "/review";
        Browser browser = new Browser();
        browser.signIn("secretariat", "test-secret");
        String token = csrf(browser.get(review).body());

        browser.loseSession();
        HttpResponse<String> sent = browser.post(review, Map.of("_csrf", token, "draftOwner", "secretariat",
                "fields[subject.gender]", "Typed before the timeout"), review);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains(review);
        HttpResponse<String> again = browser.get(review);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(browser.get("/login").body()).contains("You were signed out because you had not done anything");
        browser.signIn("secretariat", "test-secret");
        HttpResponse<String> restored = browser.get(review);
        assertThat(restored.body()).contains("We kept what you typed", "Typed before the timeout");
        assertThat(referrals.find(referral.reference()).orElseThrow().form().value("subject.gender")).isEmpty();
    }

    private void addUser(String username, String password, String roles) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO app_user (username, password_hash, roles, display_name, enabled, source, created_at, "
                        + "updated_at) VALUES (:u, :h, :r, :u, TRUE, 'test', :now, :now)")
                .param("u", username).param("h", encoder.encode(password)).param("r", roles).param("now", now)
                .update();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
