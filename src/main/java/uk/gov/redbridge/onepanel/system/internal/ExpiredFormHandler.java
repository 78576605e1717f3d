package uk.gov.redbridge.onepanel.system.internal;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * A form sent after the session timed out fails its CSRF check (the token lived in the old session). Rather than
 * a bare 403, what was typed is kept as a draft in a fresh session under {@code onepanel.draft:<page path>} and
 * the person is sent back to the page the form was on, which asks them to sign in and then shows the page again;
 * a page that supports drafts (the field review) fills its form from it. Everything else refused is a 403 page.
 */
@Component
class ExpiredFormHandler implements AccessDeniedHandler {

    /** Prefix of the session attribute holding a form's draft: the page path follows. */
    static final String DRAFT_PREFIX = "onepanel.draft:";

    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9/._-]*");

    private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !SignInEntryPoint.sessionTimedOut(request)
                || !"POST".equals(request.getMethod())) {
            refuse.handle(request, response, denied);
            return;
        }
        String page = samePagePath(request);
        Map<String, String[]> draft = new LinkedHashMap<>(request.getParameterMap());
        draft.remove("_csrf");
        var session = request.getSession(true);
        session.setAttribute(DRAFT_PREFIX + page, draft);
        session.setAttribute(SignInEntryPoint.SESSION_EXPIRED, Boolean.TRUE);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + page);
    }

    /** The path of the page the form was on (the Referer, if it is this service), else the dashboard. */
    static String samePagePath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!sameHost || path == null || !path.startsWith(request.getContextPath() + "/")) {
                return "/";
            }
            String page = path.substring(request.getContextPath().length());
            // only the service's own page paths (references and ids): never "//elsewhere"
            return SAFE_PATH.matcher(page).matches() && !page.contains("//") ? page : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
