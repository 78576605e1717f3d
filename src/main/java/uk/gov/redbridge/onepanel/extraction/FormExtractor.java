package uk.gov.redbridge.onepanel.extraction;

import org.springframework.stereotype.Service;

/** TEMPORARY SHIM (lead): replaced by the extraction branch. */
@Service
public class FormExtractor {

    public ExtractionResult extractFromEmail(byte[] rfc822) {
        MailAnatomy.ParsedMail mail = MailAnatomy.parse(rfc822);
        String body = mail.body();
        java.util.List<ExtractedField> fields = new java.util.ArrayList<>();
        for (String line : body.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String label = line.substring(0, colon).trim().toLowerCase();
            String value = line.substring(colon + 1).trim();
            String key = switch (label) {
                case "first name" -> "subject.first_name";
                case "last name" -> "subject.last_name";
                case "date of birth" -> "subject.date_of_birth";
                case "summary of reason for referral" -> "referral.reason";
                case "tel no. / email" -> "referrer.email";
                default -> null;
            };
            if (key != null && !value.isEmpty()) {
                fields.add(new ExtractedField(key, value, value, 0.9, new Provenance("(email body)", null, "line", label), java.util.List.of()));
            }
        }
        if (fields.isEmpty()) {
            return new ExtractionFailed(FailureReason.NO_FORM_FOUND, "no attachment or body text holds a referral form");
        }
        return new FormExtracted(new FilledForm("shim", fields), "(email body)");
    }

    public ExtractionResult extract(String fileName, byte[] content) {
        return new ExtractionFailed(FailureReason.NOT_A_FORM, "shim");
    }
}
