package uk.gov.redbridge.onepanel.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.triage.ReplyKeys;

/** Reads what ties a message to the service's mail: threading ids, per-request addresses, subject tokens. */
@Component
class ReplyKeyReader {

    private static final Pattern TOKEN = Pattern.compile("\\[\\s*(OP-\\d{4}-\\d{4,6})\\s*/\\s*([A-Za-z0-9-]{1,30})\\s*]",
            Pattern.CASE_INSENSITIVE);

    private final Correspondence correspondence;
    private final MailAccounts accounts;

    ReplyKeyReader(Correspondence correspondence, MailAccounts accounts) {
        this.correspondence = correspondence;
        this.accounts = accounts;
    }

    ReplyKeys read(MessageFacts facts) {
        List<String> own = facts.threadIds().stream().filter(correspondence::isOwnMessageId).toList();
        List<String> tags = new ArrayList<>();
        for (String r : facts.recipients()) {
            int plus = r.indexOf('+');
            int at = r.indexOf('@');
            if (plus > 0 && plus < at && accounts.owningAddress(r).isPresent()) {
                tags.add(r.substring(plus + 1, at).toLowerCase(Locale.ROOT));
            }
        }
        String subject = facts.subject();
        String agency = null;
        String reference = null;
        Matcher token = TOKEN.matcher(subject);
        if (token.find()) {
            reference = token.group(1).toUpperCase(Locale.ROOT);
            agency = token.group(2).toUpperCase(Locale.ROOT);
        } else {
            reference = ReferralReference.findIn(subject).map(Object::toString).orElse(null);
        }
        if (reference == null) {
            reference = tags.stream().map(ReferralReference::findIn).flatMap(Optional::stream).findFirst()
                    .map(Object::toString).orElse(null);
        }
        return new ReplyKeys(own, tags, reference, agency);
    }
}
