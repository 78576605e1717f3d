package uk.gov.redbridge.onepanel.exceptions.web;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Attaches the message of an exception (an unmatched or ambiguous reply, a held one, a message that was not a
 * referral) to an agency's information request as its return, and resolves the item: who, when, and to which
 * request (HTTP Basic, role API).
 */
@RestController
class ExceptionAttachController {

    static final String RESOLUTION = "attached_to_request";

    private final ExceptionsQueue queue;
    private final InformationRequests requests;

    ExceptionAttachController(ExceptionsQueue queue, InformationRequests requests) {
        this.queue = queue;
        this.requests = requests;
    }

    /**
     * {@code {"reference": "OP-2026-0001", "agency": "NELFT"}}; {@code "otherReferralConfirmed": true} when the email
     * names another referral and the caller has checked it belongs to this one.
     */
    record AttachForm(String reference, String agency, Boolean otherReferralConfirmed) {
    }

    @PostMapping(path = "/api/exceptions/{id}/attach", name = "api.exception-attached")
    ExceptionApiController.Item attach(@PathVariable String id, @RequestBody AttachForm form, Principal principal) {
        ExceptionItem item = find(id);
        if (item.messageId() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "this exception has no message to attach");
        }
        if (form == null || form.agency() == null || form.agency().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the reference and the agency code");
        }
        ReferralReference reference = parse(form.reference());
        try {
            requests.attachReply(reference, form.agency().trim(), item.messageId(), principal.getName(),
                    Boolean.TRUE.equals(form.otherReferralConfirmed()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            // a request never sent, a cancelled one, or an email that names another referral (not confirmed)
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        queue.resolve(item.id(), RESOLUTION, principal.getName(),
                "attached as the return of [" + reference + "/" + form.agency().trim().toUpperCase() + "]",
                reference.toString());
        return ExceptionApiController.Item.of(find(id));
    }

    private ExceptionItem find(String id) {
        try {
            return queue.find(ExceptionId.of(id))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such exception"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such exception");
        }
    }

    private static ReferralReference parse(String text) {
        try {
            return ReferralReference.tryParse(text).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.BAD_REQUEST, "the reference looks like OP-2026-0001"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the reference looks like OP-2026-0001");
        }
    }
}
