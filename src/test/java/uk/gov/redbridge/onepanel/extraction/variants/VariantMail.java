package uk.gov.redbridge.onepanel.extraction.variants;

import java.util.List;
import java.util.Random;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormEmails;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Person;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Row;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Section;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Topic;

/**
 * A variant form typed or pasted into an email: the referrer's own message, or that message forwarded inline by a
 * colleague (Outlook's "-----Original Message-----" or rule-and-header block, Gmail's "Forwarded message"), sometimes
 * with every forwarded line quoted ("> "); or a table pasted into an HTML message.
 */
final class VariantMail {

    enum Kind { TYPED, FORWARDED_INLINE, HTML_TABLE }

    private VariantMail() {
    }

    static byte[] write(VariantForm form, Kind kind, Random random) {
        String referrer = form.truth().getOrDefault("referrer.name", "A. Referrer");
        String own = "Dear One Panel,\n\n" + (random.nextBoolean() ? "Please see the referral below.\n\n"
                : "I could not open the referral form template, so I have typed the referral below.\n\n")
                + TextLines.plain(TextLines.of(form)) + "\n" + (random.nextBoolean() ? "Kind regards" : "Many thanks")
                + "\n\n" + referrer + "\n" + form.truth().getOrDefault("referrer.agency", "") + "\n";
        FormEmails mail = FormEmails.message(random.nextBoolean() ? "One Panel referral" : "Referral - please log");
        switch (kind) {
            case TYPED -> mail.text(own);
            case FORWARDED_INLINE -> mail.text(forwarded(own, referrer, random));
            case HTML_TABLE -> mail.html(html(form)).text(tabbed(form));
        }
        return mail.bytes();
    }

    private static String forwarded(String original, String referrer, Random random) {
        String note = "Hi,\n\nForwarding this referral from our team, please log it.\n\nThanks\nJo Carver\n"
                + "Safeguarding Administrator\n\n";
        String address = referrer.toLowerCase().replace(' ', '.') + "@agency.example.gov.uk";
        String header = switch (random.nextInt(3)) {
            case 0 -> "-----Original Message-----\nFrom: " + referrer + " <" + address + ">\nSent: 14 March 2026 10:02"
                    + "\nTo: Safeguarding Team <safeguarding@agency.example.gov.uk>\nSubject: One Panel referral\n\n";
            case 1 -> "________________________________\nFrom: " + referrer + " <" + address + ">\nSent: Friday, 14 "
                    + "March 2026 10:02\nTo: Safeguarding Team\nCc: Duty Manager\nSubject: RE: One Panel referral\n\n";
            default -> "---------- Forwarded message ---------\nFrom: " + referrer + " <" + address + ">\nDate: "
                    + "Fri, 14 Mar 2026 at 10:02\nSubject: One Panel referral\nTo: <safeguarding@agency.example.gov.uk>"
                    + "\n\n";
        };
        String body = header + original;
        if (random.nextInt(3) == 0) {
            StringBuilder quoted = new StringBuilder();
            for (String line : body.split("\n", -1)) {
                quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
            }
            body = quoted.toString();
        }
        return note + body;
    }

    /** The form pasted from Word into an HTML message: a two-column table. */
    private static String html(VariantForm form) {
        StringBuilder sb = new StringBuilder("<html><body><p>Dear One Panel,</p><p>Referral below.</p><table border=1>");
        for (Section s : form.sections()) {
            if (s.heading() != null) {
                sb.append("<tr><td colspan=3><b>").append(escape(s.heading())).append("</b></td></tr>");
            }
            for (Person p : s.persons()) {
                if (p.heading() != null) {
                    sb.append("<tr><td colspan=3>").append(escape(p.heading())).append("</td></tr>");
                }
                rows(sb, p.rows());
            }
            for (Topic t : s.topics()) {
                sb.append("<tr><td rowspan=2>").append(escape(t.label())).append("</td><td colspan=2>")
                        .append(escape(t.subjectPart() + ": " + t.subject())).append("</td></tr><tr><td colspan=2>")
                        .append(escape(t.othersPart() + ": " + t.others())).append("</td></tr>");
            }
            rows(sb, s.rows());
        }
        return sb.append("</table><p>Kind regards</p></body></html>").toString();
    }

    private static void rows(StringBuilder sb, List<Row> rows) {
        for (Row r : rows) {
            sb.append("<tr><td>").append(escape(r.label())).append("</td><td colspan=2>").append(escape(r.written()))
                    .append("</td></tr>");
        }
    }

    /** What Outlook puts in the plain-text part of a message with a table: cells separated by tabs. */
    private static String tabbed(VariantForm form) {
        StringBuilder sb = new StringBuilder("Dear One Panel,\n\nReferral below.\n\n");
        for (Section s : form.sections()) {
            if (s.heading() != null) {
                sb.append(s.heading()).append('\n');
            }
            for (Person p : s.persons()) {
                if (p.heading() != null) {
                    sb.append(p.heading()).append('\n');
                }
                p.rows().forEach(r -> sb.append(r.label()).append('\t').append(r.written()).append('\n'));
            }
            for (Topic t : s.topics()) {
                sb.append(t.label()).append('\t').append(t.subjectPart()).append(": ").append(t.subject()).append('\n');
                sb.append('\t').append(t.othersPart()).append(": ").append(t.others()).append('\n');
            }
            s.rows().forEach(r -> sb.append(r.label()).append('\t').append(r.written().replace('\n', ' ')).append('\n'));
        }
        return sb.append("\nKind regards\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }
}
