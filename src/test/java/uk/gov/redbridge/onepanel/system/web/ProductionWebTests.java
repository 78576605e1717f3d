package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile as it runs behind a TLS-terminating proxy (issue 11): the proxy speaks plain HTTP to the
 * service and says what the client used in {@code X-Forwarded-*} headers, as this test does. Redirects stay on
 * https://, HSTS is sent, the session cookie is Secure, HttpOnly and SameSite=Strict; sign-in is throttled per user
 * name and per client address (the forwarded one), on the sign-in page and the API alike, the lock is refused before
 * the password is checked, shown to the secretariat and audited. Only what the production profile needs from
 * outside (database, secrets, mailboxes' credentials) is given here; the profile's own settings are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "production"})
class ProductionWebTests {

    static final String PASSWORD = "correct horse battery staple";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String PUBLIC_HOST = "onepanel.redbridge.gov.uk";

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:production-web;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("server.address", () -> "127.0.0.1");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        registry.add("ONEPANEL_STORAGE_ENCRYPTION_KEY", () -> Base64.getEncoder().encodeToString(key));
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        String[][] users = {{"clerk", "SECRETARIAT,API"}, {"api-client", "API"}, {"guessed", "SECRETARIAT,API"}};
        for (int i = 0; i < users.length; i++) {
            String[] u = users[i];
            registry.add("onepanel.security.users[" + i + "].username", () -> u[0]);
            registry.add("onepanel.security.users[" + i + "].password-hash", () -> hash);
            registry.add("onepanel.security.users[" + i + "].roles", () -> u[1]);
        }
        for (String name : List.of("ONEPANEL_SECRETARIAT_ADDRESS", "ONEPANEL_RSAB_ADDRESS", "ONEPANEL_RSCP_ADDRESS",
                "ONEPANEL_CSP_ADDRESS")) {
            registry.add(name, () -> "secretariat@redbridge.gov.uk");
        }
        registry.add("ONEPANEL_M365_TENANT_ID", () -> "contoso-tenant");
        registry.add("ONEPANEL_M365_CLIENT_ID", () -> "app-id");
        registry.add("ONEPANEL_M365_CLIENT_SECRET", () -> "not-a-real-secret");
        // the demo directory and members use .example addresses, which production refuses: not what is tested here
        registry.add("onepanel.agencies.reject-example-addresses", () -> "false");
        registry.add("onepanel.workingdays.gov-uk-check.enabled", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void clearFailures() {
        jdbc.sql("DELETE FROM sign_in_failure").update();
    }

    @Test
    void behindATlsProxyRedirectsStayOnHttpsAndHstsIsSent() throws Exception {
        HttpResponse<String> home = send(viaProxy("/", "203.0.113.10").GET());

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("https://" + PUBLIC_HOST + "/login");
        HttpResponse<String> login = send(viaProxy("/login", "203.0.113.10").GET());
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        // plain HTTP straight to the service (no proxy): not secure, so no HSTS (browsers ignore it over HTTP)
        HttpResponse<String> direct = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndStrictAndSigningInWorksThroughTheProxy() throws Exception {
        Session browser = new Session("203.0.113.11");
        HttpResponse<String> signedIn = browser.signIn("clerk", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("https://" + PUBLIC_HOST + "/");
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure")
                .contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsLockTheUserNameOnThePageAndTheApiAndThenEvenTheRightOneIsRefused() throws Exception {
        int lockedBefore = lockedAudits();
        // five wrong passwords from five addresses (so only the user name counts): page and API mixed
        for (int i = 0; i < 5; i++) {
            String from = "198.51.100." + (20 + i);
            if (i % 2 == 0) {
                assertThat(new Session(from).signIn("guessed", "wrong " + i).headers().firstValue("Location"))
                        .hasValue("https://" + PUBLIC_HOST + "/login?error");
            } else {
                assertThat(api("guessed", "wrong " + i, from).statusCode()).isEqualTo(401);
            }
        }

        assertThat(new Session("198.51.100.30").signIn("guessed", PASSWORD).headers().firstValue("Location"))
                .hasValue("https://" + PUBLIC_HOST + "/login?locked");
        assertThat(api("guessed", PASSWORD, "198.51.100.31").statusCode()).isEqualTo(401);
        assertThat(new Session("198.51.100.32").get("/login?locked").body())
                .contains("Too many failed sign-ins");
        // another user is not affected
        assertThat(api("api-client", PASSWORD, "198.51.100.33").statusCode()).isEqualTo(200);
        assertThat(lockedAudits()).isEqualTo(lockedBefore + 1);
    }

    private int lockedAudits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-in.locked' AND actor = 'guessed'")
                .query(Integer.class).single();
    }

    @Test
    void manyUserNamesFromOneAddressLockTheAddressWhateverTheUserName() throws Exception {
        String from = "192.0.2.77";
        for (int i = 0; i < 20; i++) {
            api("someone-" + i, "wrong", from);
        }

        assertThat(api("api-client", PASSWORD, from).statusCode()).isEqualTo(401);
        assertThat(api("api-client", PASSWORD, "192.0.2.78").statusCode()).isEqualTo(200);
    }

    @Test
    void theSecretariatSeesTheLocksAndMayClearOneWhichIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            api("guessed", "wrong " + i, "198.51.100.40");
        }
        Session clerk = new Session("203.0.113.12");
        clerk.signIn("clerk", PASSWORD);

        HttpResponse<String> page = clerk.get("/sign-in-locks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("guessed").contains("User name");
        String token = csrf(page.body());
        HttpResponse<String> unlocked = clerk.post("/sign-in-locks/unlock",
                Map.of("_csrf", token, "kind", "username", "key", "guessed"));

        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(clerk.get("/sign-in-locks").body()).contains("Nothing is locked");
        assertThat(api("guessed", PASSWORD, "198.51.100.41").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-in.unlocked' AND actor = 'clerk'")
                .query(Integer.class).single()).isEqualTo(1);
        // and a reader without the secretariat role may not see the page
        Session api = new Session("203.0.113.13");
        api.signIn("api-client", PASSWORD);
        assertThat(api.get("/sign-in-locks").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> api(String user, String password, String from) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(viaProxy("/api/referrals", from).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").GET());
    }

    /** A browser behind the proxy: cookies kept by hand (a Secure cookie is never sent over http:// otherwise). */
    class Session {
        final String from;
        String cookie;

        Session(String from) {
            this.from = from;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder b = viaProxy(path, from).header("Accept", "text/html").GET();
            return keep(send(cookie == null ? b : b.header("Cookie", cookie)));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = viaProxy(path, from).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://" + PUBLIC_HOST).POST(HttpRequest.BodyPublishers.ofString(body));
            return keep(send(cookie == null ? b : b.header("Cookie", cookie)));
        }

        HttpResponse<String> signIn(String user, String password) throws Exception {
            String token = csrf(get("/login").body());
            return post("/login", Map.of("username", user, "password", password, "_csrf", token));
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return response;
        }
    }

    private HttpRequest.Builder viaProxy(String path, String clientAddress) {
        return HttpRequest.newBuilder(uri(path)).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC_HOST).header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
