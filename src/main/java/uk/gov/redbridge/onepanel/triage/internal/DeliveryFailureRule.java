package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.Verdict;

/**
 * Delivery failure reports: RFC 3464 {@code multipart/report; report-type=delivery-status}, a delivery-status part,
 * mail from mailer-daemon or postmaster, or a null return path with a bounce-like subject (the union of what
 * Zammad, FreeScout, RT and James look for).
 */
@Component
@Order(20)
class DeliveryFailureRule implements TriageRule {

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)^(undeliverable|undelivered mail|delivery (status notification|failure|has failed|failed)"
                    + "|returned mail|mail delivery (failed|failure|subsystem)|failure notice|non[- ]?delivery)");

    @Override
    public String name() {
        return "delivery-failure";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        String contentType = String.valueOf(facts.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (contentType.contains("multipart/report") && contentType.contains("delivery-status")) {
            return Optional.of(new Outcome(Verdict.DELIVERY_FAILURE, "multipart/report with a delivery status"));
        }
        if (facts.mail().deliveryStatus() != null) {
            return Optional.of(new Outcome(Verdict.DELIVERY_FAILURE, "has a message/delivery-status part"));
        }
        String from = facts.fromAddress();
        if (from.startsWith("mailer-daemon@") || from.startsWith("postmaster@")) {
            return Optional.of(new Outcome(Verdict.DELIVERY_FAILURE, "sent by " + from.substring(0, from.indexOf('@'))));
        }
        String returnPath = facts.header("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")
                && BOUNCE_SUBJECT.matcher(facts.subject().trim()).find()) {
            return Optional.of(new Outcome(Verdict.DELIVERY_FAILURE, "null return path and a bounce subject"));
        }
        return Optional.empty();
    }
}
