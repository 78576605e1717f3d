package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailHeader;

/**
 * Whether a message was sent by a machine: the union of the rules of Zammad, FreeScout, Request Tracker and Apache
 * James (LESSONS.md), with RFC 3834 semantics ({@code Auto-Submitted: no} is a person).
 */
final class AutomaticMailSignals {

    private static final Pattern PRECEDENCE = Pattern.compile("(?i)^\\s*(bulk|junk|list|auto_reply)\\b");
    private static final Pattern SUPPRESS = Pattern.compile("(?i)\\b(all|oof|autoreply)\\b");
    private static final Pattern MACHINE_SENDER = Pattern.compile(
            "(?i)^(mailer-daemon|postmaster|no-?reply[^@]*|do-?not-?reply[^@]*|listserv|majordomo|owner-[^@]*|[^@]*-request)@.*");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)^(automatic reply|auto(matic)?[ -]?(reply|response)|autoreply|auto:|out of (the )?office|"
                    + "away from (the )?office|on (annual )?leave|abwesenheitsnotiz|absence)\\b");

    private AutomaticMailSignals() {
    }

    /** The first signal found, named, or empty for mail from a person. */
    static Optional<String> find(MessageFacts facts) {
        String autoSubmitted = facts.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + firstWord(autoSubmitted));
        }
        for (String h : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
            if (facts.hasHeader(h)) {
                return Optional.of(h);
            }
        }
        for (String h : new String[] {"Precedence", "X-Precedence"}) {
            String v = facts.header(h);
            if (v != null && PRECEDENCE.matcher(v).find()) {
                return Optional.of(h + ": " + firstWord(v));
            }
        }
        String suppress = facts.header("X-Auto-Response-Suppress");
        if (suppress != null && SUPPRESS.matcher(suppress).find()) {
            return Optional.of("X-Auto-Response-Suppress");
        }
        if (facts.hasHeader("X-MS-Exchange-Inbox-Rules-Loop")) {
            return Optional.of("X-MS-Exchange-Inbox-Rules-Loop");
        }
        for (MailHeader h : facts.mail().headers()) {
            if (h.name().toLowerCase(Locale.ROOT).startsWith("list-")) {
                return Optional.of("mailing list header " + h.name());
            }
        }
        if (facts.hasHeader("X-Loop")) {
            return Optional.of("X-Loop");
        }
        String machine = facts.header("X-FC-Machinegenerated");
        if (machine != null && machine.trim().equalsIgnoreCase("true")) {
            return Optional.of("X-FC-Machinegenerated");
        }
        String returnPath = facts.header("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null return path");
        }
        if (MACHINE_SENDER.matcher(facts.fromAddress()).matches()) {
            return Optional.of("machine sender address");
        }
        String contentType = String.valueOf(facts.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (contentType.contains("disposition-notification")) {
            return Optional.of("read receipt");
        }
        if (AUTO_SUBJECT.matcher(facts.subject().trim()).find()) {
            return Optional.of("automatic-reply subject");
        }
        return Optional.empty();
    }

    private static String firstWord(String value) {
        return value.trim().split("[\\s;]+")[0];
    }
}
