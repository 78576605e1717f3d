package uk.gov.redbridge.onepanel.requests.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.requests.ReturnDocumentContent;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/** A referral's information requests for integrations and checks (HTTP Basic, role API). */
@RestController
class RequestApiController {

    private final InformationRequests requests;

    RequestApiController(InformationRequests requests) {
        this.requests = requests;
    }

    record Requests(String reference, List<MilestoneView> milestones, List<RequestView> requests) {
    }

    record MilestoneView(String kind, String label, LocalDate start, int workingDays, LocalDate due,
            String convention) {

        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.kind(), m.label(), m.deadline().start(), m.deadline().workingDays(),
                    m.deadline().due(), m.deadline().convention());
        }
    }

    record DeadlineView(LocalDate start, int workingDays, LocalDate due, String convention) {

        static DeadlineView of(Deadline d) {
            return d == null ? null : new DeadlineView(d.start(), d.workingDays(), d.due(), d.convention());
        }
    }

    record RequestView(String id, String agency, String token, String status, String pathway, List<String> to,
            String replyAddress, Instant createdAt, String createdBy, Instant sendAfter, Instant sent,
            DeadlineView deadline, LocalDate due, String messageId, String matchedBy, Instant answeredAt,
            String deliveryProblem, List<DocumentView> documents, List<ReplyView> replies,
            List<ActionView> reminders) {
    }

    /** {@code messageId} and {@code partPath} are null for a document added by hand, {@code addedBy} for one mailed. */
    record DocumentView(String id, String fileName, String contentType, long size, String sha256, String messageId,
            String partPath, Instant addedAt, String addedBy, String href) {
    }

    record ReplyView(String messageId, String kind, String matchedBy, String note, Instant recordedAt,
            String recordedBy, String message) {

        static ReplyView of(AgencyReply r) {
            return new ReplyView(r.messageId().toString(), r.kind().name(), r.matchedBy().name(), r.note(),
                    r.recordedAt(), r.recordedBy(), "/api/messages/" + r.messageId());
        }
    }

    record ActionView(String kind, LocalDate dueOn, Instant doneAt, String outcome, String outboundMailId,
            String note, String doneBy) {

        static ActionView of(RequestAction a) {
            return new ActionView(a.kind(), a.dueOn(), a.doneAt(), a.outcome(),
                    a.outboundMailId() == null ? null : a.outboundMailId().toString(), a.note(), a.doneBy());
        }
    }

    record AgencyForm(String agency) {
    }

    record Sent(String reference, int sent) {
    }

    @GetMapping(path = "/api/referrals/{reference}/requests", name = "api.requests-read")
    Requests list(@PathVariable String reference) {
        ReferralReference ref = reference(reference);
        List<RequestView> views = requests.forReferral(ref).stream().map(this::view).toList();
        return new Requests(ref.toString(), requests.milestones(ref).stream().map(MilestoneView::of).toList(), views);
    }

    @PostMapping(path = "/api/referrals/{reference}/requests/send", name = "api.requests-sent-now")
    Sent sendNow(@PathVariable String reference, Principal principal) {
        ReferralReference ref = reference(reference);
        return new Sent(ref.toString(), call(() -> requests.sendNow(ref, principal.getName())));
    }

    @PostMapping(path = "/api/referrals/{reference}/requests", name = "api.requests-agency-added")
    RequestView add(@PathVariable String reference, @RequestBody AgencyForm form, Principal principal) {
        ReferralReference ref = reference(reference);
        if (form == null || form.agency() == null || form.agency().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the agency code: {\"agency\": \"NELFT\"}");
        }
        return view(call(() -> requests.addAgency(ref, form.agency(), principal.getName())));
    }

    @DeleteMapping(path = "/api/referrals/{reference}/requests/{agency}", name = "api.requests-agency-removed")
    RequestView remove(@PathVariable String reference, @PathVariable String agency, Principal principal) {
        ReferralReference ref = reference(reference);
        call(() -> requests.removeAgency(ref, agency, principal.getName()));
        return requests.find(ref, agency).map(this::view).orElseThrow();
    }

    @GetMapping(path = "/api/referrals/{reference}/requests/{agency}/documents/{documentId}",
            name = "api.requests-document-downloaded")
    ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String agency,
            @PathVariable String documentId) {
        InformationRequest request = requests.find(reference(reference), agency)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such request"));
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such document");
        }
        ReturnDocumentContent content = requests.documentContent(request.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such document"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(content.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment().filename(content.fileName(),
                java.nio.charset.StandardCharsets.UTF_8).build());
        return new ResponseEntity<>(content.bytes(), headers, HttpStatus.OK);
    }

    private RequestView view(InformationRequest r) {
        String base = "/api/referrals/" + r.reference() + "/requests/" + r.agencyCode() + "/documents/";
        List<DocumentView> documents = requests.documents(r.id()).stream()
                .map(d -> document(d, base)).toList();
        return new RequestView(r.id().toString(), r.agencyCode(), r.token(), r.status().name(), r.pathway().name(),
                r.to(), r.replyAddress(), r.createdAt(), r.createdBy(), r.sendAfter(), r.sentAt(),
                DeadlineView.of(r.deadline()), r.deadline() == null ? null : r.deadline().due(), r.messageId(),
                r.matchedBy() == null ? null : r.matchedBy().name(), r.answeredAt(), r.deliveryProblem(), documents,
                requests.replies(r.id()).stream().map(ReplyView::of).toList(),
                requests.actions(r.id()).stream().map(ActionView::of).toList());
    }

    private static DocumentView document(ReturnDocument d, String base) {
        return new DocumentView(d.id().toString(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                d.messageId() == null ? null : d.messageId().toString(), d.partPath(), d.addedAt(), d.addedBy(),
                base + d.id());
    }

    private static ReferralReference reference(String text) {
        try {
            return ReferralReference.tryParse(text)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral");
        }
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** Maps the facade's refusals to 404 (unknown referral, agency, request) and 409 (a cancelled request). */
    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
