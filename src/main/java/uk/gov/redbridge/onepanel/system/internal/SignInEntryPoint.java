package uk.gov.redbridge.onepanel.system.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Sends a person who is not signed in to /login. When their browser still held a session that has timed out, the
 * sign-in page says so. The page they asked for is remembered (by Spring Security's request cache), so a GET is
 * replayed after signing in.
 */
@Component
public class SignInEntryPoint implements AuthenticationEntryPoint {

    /** Session attribute read (and removed) by the sign-in page. */
    public static final String SESSION_EXPIRED = "onepanel.sessionExpired";

    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (sessionTimedOut(request)) {
            request.getSession(true).setAttribute(SESSION_EXPIRED, Boolean.TRUE);
        }
        login.commence(request, response, e);
    }

    static boolean sessionTimedOut(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}
