package uk.gov.redbridge.onepanel.requests.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutgoingAttachment;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/**
 * The emails about a request, queued in the caller's transaction: the request itself (with its return form), the
 * reminders and the overdue notice (threaded onto it, same reply address, same correlation so a reply to any of them
 * finds the request). Subjects carry the token {@code [OP-2026-0001/NELFT]} and words, never personal data.
 */
@Component
class RequestMails {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestMails.class);

    static final String REMINDER_TEMPLATE = "information-request-reminder";
    static final String OVERDUE_TEMPLATE = "information-request-overdue";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Correspondence correspondence;
    private final AgencyDirectory directory;
    private final MailAccounts accounts;

    RequestMails(Correspondence correspondence, AgencyDirectory directory, MailAccounts accounts,
            RequestsSettings settings) {
        this.correspondence = correspondence;
        this.directory = directory;
        this.accounts = accounts;
        List<String> missing = new java.util.ArrayList<>();
        java.util.stream.Stream.concat(settings.pathways().values().stream().map(p -> p.template()),
                        java.util.stream.Stream.of(REMINDER_TEMPLATE, OVERDUE_TEMPLATE,
                                DeadlineSweep.ESCALATION_TEMPLATE, DailyDigest.TEMPLATE))
                .distinct().filter(name -> !correspondence.hasTemplate(name)).forEach(missing::add);
        if (!missing.isEmpty()) {
            // the rest of the service can run; these requests stay drafts (and say why) until the files are back
            log.error("Mail templates needed by onepanel.requests are missing from mail-templates/: {}. Requests "
                    + "that need them cannot be sent.", String.join(", ", missing));
        }
    }

    static String correlation(InformationRequest request) {
        return "request:" + request.id();
    }

    QueuedMail request(InformationRequest request, Referral referral, Deadline deadline) {
        ReturnForm form = new ReturnForm(request.reference().toString(), request.agencyCode(),
                agencyName(request.agencyCode()), request.pathway(), DATE.format(deadline.start()),
                DATE.format(deadline.due()), identifiers(referral));
        Map<String, Object> model = model(request, deadline.due());
        model.put("workingDays", deadline.workingDays());
        model.put("sentDate", DATE.format(deadline.start()));
        model.put("convention", deadline.convention());
        model.put("subjectInitials", referral.subject().initials());
        model.put("formFileName", form.fileName());
        return correspondence.queue(new OutgoingMail(request.template(), model, request.mailbox(), request.to(),
                List.of(), request.replyAddress(), null, List.of(),
                List.of(new OutgoingAttachment(form.fileName(), ReturnForm.CONTENT_TYPE, form.toDocx())),
                request.reference().toString(), correlation(request)));
    }

    /** @param whenDue "tomorrow", "today", "on Friday 13 March 2026" */
    QueuedMail reminder(InformationRequest request, String whenDue) {
        Map<String, Object> model = model(request, request.deadline().due());
        model.put("whenDue", whenDue);
        return followUp(REMINDER_TEMPLATE, request, model);
    }

    QueuedMail overdue(InformationRequest request) {
        return followUp(OVERDUE_TEMPLATE, request, model(request, request.deadline().due()));
    }

    private QueuedMail followUp(String template, InformationRequest request, Map<String, Object> model) {
        List<String> thread = correspondence.threadOf(request.reference().toString(), correlation(request));
        return correspondence.queue(new OutgoingMail(template, model, request.mailbox(), request.to(), List.of(),
                request.replyAddress(), request.messageId(), thread, List.of(), request.reference().toString(),
                correlation(request)));
    }

    private Map<String, Object> model(InformationRequest request, LocalDate due) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", request.token());
        model.put("reference", request.reference().toString());
        model.put("agencyCode", request.agencyCode());
        model.put("agencyName", agencyName(request.agencyCode()));
        model.put("pathway", request.pathway().label());
        model.put("dueDate", DATE.format(due));
        model.put("replyAddress", request.replyAddress());
        model.put("mailboxAddress", accounts.byName(request.mailbox()).map(a -> a.address()).orElse(null));
        return model;
    }

    String agencyName(String code) {
        return directory.byCode(code).map(a -> a.name()).orElse(code);
    }

    /** Who the request is about, as the form gave it: for the return form only, never a subject line. */
    private static List<String[]> identifiers(Referral referral) {
        List<String[]> out = new java.util.ArrayList<>();
        out.add(new String[] {"Name", referral.subject().displayName()});
        add(out, "Other names used", referral.form().value(FieldKeys.SUBJECT_OTHER_NAMES).orElse(null));
        add(out, "Date of birth", referral.subject().dateOfBirth());
        add(out, "Age", referral.subject().age() == null ? null : referral.subject().age().toString());
        add(out, "NHS number", referral.form().value(FieldKeys.SUBJECT_NHS_NUMBER).orElse(null));
        add(out, "Address", referral.form().value(FieldKeys.SUBJECT_ADDRESS).orElse(null));
        add(out, "Date of incident or death", referral.form().value(FieldKeys.REFERRAL_INCIDENT_DATE).orElse(null));
        return out;
    }

    private static void add(List<String[]> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {label, value});
        }
    }
}
