package uk.gov.redbridge.onepanel.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

class ExpiredFormHandlerTests {

    @Test
    void aFormSentAfterTheSessionTimedOutIsKeptAndThePersonSentBackToItsPage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/referrals/OP-2026-0001/review");
        request.setServerName("onepanel.example");
        request.addHeader("Referer", "https://onepanel.example/referrals/OP-2026-0001/review");
        request.setRequestedSessionId("gone");
        request.setRequestedSessionIdValid(false);
        request.addParameter("fields[subject.gender]", "Female");
        request.addParameter("_csrf", "stale");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ExpiredFormHandler().handle(request, response, new MissingCsrfTokenException("stale"));

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/referrals/OP-2026-0001/review");
        Object draft = request.getSession().getAttribute("onepanel.draft:/referrals/OP-2026-0001/review");
        assertThat(draft).isInstanceOf(java.util.Map.class);
        java.util.Map<?, ?> kept = (java.util.Map<?, ?>) draft;
        assertThat(kept.keySet()).extracting(String::valueOf).contains("fields[subject.gender]").doesNotContain("_csrf");
        assertThat(request.getSession().getAttribute(SignInEntryPoint.SESSION_EXPIRED)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aCsrfFailureInALiveSessionIsRefused() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/exceptions/x/close");
        request.setRequestedSessionId("live");
        request.setRequestedSessionIdValid(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ExpiredFormHandler().handle(request, response, new MissingCsrfTokenException("x"));

        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void onlyTheServicesOwnPagesAreReturnedTo() {
        assertThat(pathFor("https://evil.example/referrals")).isEqualTo("/");
        assertThat(pathFor("https://onepanel.example//evil.example/x")).isEqualTo("/");
        assertThat(pathFor("https://onepanel.example/referrals?q=x")).isEqualTo("/referrals");
        assertThat(pathFor(null)).isEqualTo("/");
    }

    private static String pathFor(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.setServerName("onepanel.example");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return ExpiredFormHandler.samePagePath(request);
    }
}
