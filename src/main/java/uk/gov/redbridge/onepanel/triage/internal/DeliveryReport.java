package uk.gov.redbridge.onepanel.triage.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * The useful facts of a delivery failure report, read from the RFC 3464 delivery-status part when there is one and
 * from the text of the report otherwise (Exchange, Postfix and Gmail word theirs differently, but all quote the
 * original's headers, which carry our Message-ID).
 */
record DeliveryReport(List<String> originalMessageIds, List<String> failedRecipients, String status) {

    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^(?:final|original)-recipient:\\s*(?:rfc822;)?\\s*<?([^\\s>]+@[^\\s>]+)>?");
    private static final Pattern STATUS = Pattern.compile("(?im)^status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern TEXT_STATUS = Pattern.compile("\\b([45]\\.\\d{1,3}\\.\\d{1,3})\\b");

    static DeliveryReport read(ParsedMail mail, byte[] raw, String ownDomain) {
        StringBuilder text = new StringBuilder(mail.body());
        if (mail.deliveryStatus() != null) {
            text.append('\n').append(mail.deliveryStatus());
        }
        for (MailAttachment a : mail.attachments()) {
            if (a.contentType().startsWith("text/") || a.contentType().startsWith("message/")) {
                text.append('\n').append(new String(a.content(), StandardCharsets.UTF_8));
            }
        }
        // the raw bytes too: an original quoted as message/rfc822 keeps its headers there
        text.append('\n').append(new String(raw, StandardCharsets.ISO_8859_1));
        String all = text.toString();

        Set<String> ids = new LinkedHashSet<>();
        Matcher id = Pattern.compile("<[^<>\\s]+@" + Pattern.quote(ownDomain) + ">", Pattern.CASE_INSENSITIVE).matcher(all);
        while (id.find()) {
            ids.add(id.group());
        }
        Set<String> recipients = new LinkedHashSet<>();
        String statusSource = mail.deliveryStatus() != null ? mail.deliveryStatus() : all;
        Matcher r = FINAL_RECIPIENT.matcher(statusSource);
        while (r.find()) {
            recipients.add(r.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher s = STATUS.matcher(statusSource);
        String status = s.find() ? s.group(1) : null;
        if (status == null) {
            Matcher t = TEXT_STATUS.matcher(mail.body());
            status = t.find() ? t.group(1) : null;
        }
        return new DeliveryReport(new ArrayList<>(ids), new ArrayList<>(recipients), status);
    }
}
