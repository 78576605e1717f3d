package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every mapped route, found by walking the handler mappings: a new page cannot forget its protection. Not signed
 * in, each is refused (401 for the API, the sign-in page for pages, 403 when CSRF or a role says no); read-only
 * users cannot change anything; the chair reads; every route about a case, exception, document or message names its
 * audit action.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RouteSecurityTests {

    /** Routes anyone may reach: the sign-in page and the error page. */
    private static final Set<String> PUBLIC = Set.of("GET /login", "GET /error", "POST /error", "HEAD /error",
            "PUT /error", "DELETE /error", "PATCH /error", "OPTIONS /error");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String pattern, String auditName) {

        String path() {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String sample = switch (m.group(1)) {
                    case "reference" -> "OP-2026-0001";
                    case "index" -> "1";
                    default -> UUID.randomUUID().toString();
                };
                m.appendReplacement(sb, sample);
            }
            m.appendTail(sb);
            return sb.toString();
        }

        boolean isPublic() {
            return PUBLIC.contains(method.name() + " " + pattern);
        }
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<HttpMethod> tried = methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (HttpMethod method : tried) {
                    routes.add(new Route(method, pattern, info.getName()));
                }
            }
        }
        assertThat(routes).extracting(Route::pattern).contains("/", "/referrals", "/referrals/{reference}",
                "/referrals/{reference}/review", "/referrals/{reference}/audit", "/exceptions", "/exceptions/{id}",
                "/referrals/export.csv", "/referrals/export.xlsx", "/api/referrals");
        return routes;
    }

    @Test
    void everyRouteButSignInRefusesSomeoneNotSignedIn() throws Exception {
        List<String> open = new ArrayList<>();
        for (Route route : routes()) {
            if (route.isPublic()) {
                continue;
            }
            MvcResult result = mvc.perform(request(route.method(), route.path()).with(csrf())).andReturn();
            int status = result.getResponse().getStatus();
            String location = result.getResponse().getHeader("Location");
            boolean refused = status == 401 || status == 403
                    || (status == 302 && location != null && location.endsWith("/login"));
            if (!refused) {
                open.add(route.method() + " " + route.pattern() + " -> " + status);
            }
        }
        assertThat(open).as("routes answering someone not signed in").isEmpty();
    }

    @Test
    void readOnlyUsersChangeNothing() throws Exception {
        List<String> allowed = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method() != HttpMethod.POST || route.isPublic() || route.pattern().startsWith("/api/")
                    || route.pattern().equals("/referrals/search")) {
                continue;
            }
            int status = mvc.perform(post(route.path()).with(csrf()).with(user("reader").roles("READONLY")))
                    .andReturn().getResponse().getStatus();
            if (status != 403) {
                allowed.add(route.pattern() + " -> " + status);
            }
        }
        assertThat(allowed).as("changes a read-only user could make").isEmpty();
    }

    @Test
    void theChairReadsThePagesAndTheExportsButNotTheAudit() throws Exception {
        var chair = user("chair").roles("CHAIR");
        for (String page : List.of("/", "/referrals", "/exceptions", "/referrals/export.csv", "/referrals/export.xlsx")) {
            assertThat(mvc.perform(get(page).with(chair)).andReturn().getResponse().getStatus()).as(page)
                    .isEqualTo(200);
        }
        assertThat(status(get("/referrals/OP-2026-0001/audit").with(chair))).isEqualTo(403);
    }

    @Test
    void readOnlyUsersReadButDoNotExportOrSeeTheAudit() throws Exception {
        var reader = user("reader").roles("READONLY");
        assertThat(status(get("/referrals").with(reader))).isEqualTo(200);
        assertThat(status(get("/referrals/export.csv").with(reader))).isEqualTo(403);
        assertThat(status(get("/referrals/OP-2026-0001/audit").with(reader))).isEqualTo(403);
    }

    @Test
    void anApiAccountCannotUseThePages() throws Exception {
        assertThat(status(get("/referrals").with(user("robot").roles("API")))).isEqualTo(403);
    }

    @Test
    void everyRouteAboutACaseAnExceptionADocumentOrAMessageNamesItsAuditAction() {
        List<String> unnamed = routes().stream()
                .filter(r -> r.pattern().matches("/(api/)?(referrals|exceptions|messages)/\\{.*"))
                .filter(r -> r.auditName() == null || r.auditName().isBlank())
                .map(r -> r.method() + " " + r.pattern()).distinct().toList();
        assertThat(unnamed).as("routes that would not be audited").isEmpty();
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
