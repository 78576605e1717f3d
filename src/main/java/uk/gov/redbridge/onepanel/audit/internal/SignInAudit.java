package uk.gov.redbridge.onepanel.audit.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.audit.AuditRecord;

/**
 * Sign-ins that worked and failed, and requests refused for want of a role (ASVS V16: authentication events and
 * failed authorisation are logged). Spring Security announces them; refusals are announced only with an
 * authorization event publisher, declared here.
 */
@Configuration(proxyBeanMethods = false)
class SignInAudit {

    private final AuditLog audit;
    private final Clock clock;

    SignInAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Sign-ins on the sign-in page (HTTP Basic API calls authenticate on every request and are not listed). */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent e) {
        record(e.getAuthentication().getName(), "sign-in.succeeded", remote(e.getAuthentication().getDetails()),
                "done", null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        record(String.valueOf(e.getAuthentication().getName()), "sign-in.failed",
                remote(e.getAuthentication().getDetails()), e.getException().getClass().getSimpleName(), null);
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> e) {
        var authentication = e.getAuthentication().get();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return; // not signed in: sent to the sign-in page, nothing to record
        }
        String where = e.getObject() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : null;
        record(authentication.getName(), "access.refused", remote(authentication.getDetails()), "403", where);
    }

    private static String remote(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private void record(String actor, String action, String ip, String outcome, String detail) {
        audit.record(new AuditRecord(clock.instant(), actor, action, null, null, null, null, ip, outcome, detail));
    }
}
