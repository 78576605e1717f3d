package uk.gov.redbridge.onepanel.audit.internal;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.audit.AuditRecord;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Records every request to a route whose mapping carries a name (its audit action, e.g.
 * {@code @GetMapping(path = "/referrals/{reference}", name = "case.viewed")}): who, when, what, which referral,
 * exception, document or message (from the path), from where, and how it ended. Routes that show or change case data
 * must carry one; a test walks every route to hold them to it.
 */
@Component
class RequestAudit implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);

    private final AuditLog audit;
    private final Clock clock;

    RequestAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Optional<String> action = actionOf(handler);
        if (action.isEmpty()) {
            return;
        }
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        vars = vars == null ? Map.of() : vars;
        boolean aboutMessage = pattern.startsWith("/api/messages/");
        boolean aboutException = pattern.startsWith("/exceptions/") || pattern.startsWith("/api/exceptions/");
        String reference = Optional.ofNullable(vars.get("reference"))
                .or(() -> Optional.ofNullable((String) request.getAttribute(
                        uk.gov.redbridge.onepanel.shared.web.AuditedReference.ATTRIBUTE)))
                .flatMap(ReferralReference::tryParse).map(ReferralReference::toString).orElse(null);
        UUID id = uuid(vars.get("id"));
        Principal who = request.getUserPrincipal();
        try {
            audit.record(new AuditRecord(clock.instant(), who == null ? "anonymous" : who.getName(), action.get(),
                    reference, aboutException ? id : null, uuid(vars.get("documentId")),
                    aboutMessage ? id : uuid(vars.get("messageId")), request.getRemoteAddr(),
                    ex == null ? Integer.toString(response.getStatus()) : "error", null));
        } catch (RuntimeException e) {
            // the response has gone; an audit row that cannot be written must at least be seen by operators
            log.error("Audit record for {} could not be written: {}", action.get(), e.getClass().getSimpleName());
        }
    }

    /** The audit action a route declares: the name of its request mapping. */
    static Optional<String> actionOf(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return Optional.empty();
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return mapping == null || mapping.name().isBlank() ? Optional.empty() : Optional.of(mapping.name());
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
