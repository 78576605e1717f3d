package uk.gov.redbridge.onepanel.papers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.DocumentContent;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.requests.ReturnDocumentContent;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * What a referral's papers hold, read from the referral log and the information requests: the referral, the state
 * of each agency's return, and every document in the order the papers show them (the form, what came with the
 * referral, then each agency's return). Also the manifest, a line per document and return state, which tells
 * whether papers changed since a pack was issued.
 */
@Component
class ReferralPaperSource {

    /** One document to show, its bytes read only when the papers are built. */
    record Item(String source, String agencyCode, String id, String fileName, String contentType,
            Supplier<byte[]> bytes) {
    }

    /**
     * @param late answered after the due date
     */
    record ReturnState(String agencyCode, String agencyName, RequestStatus status, String state, Instant sentAt,
            LocalDate due, Instant answeredAt, boolean late, int documents) {
    }

    record Bundle(Referral referral, List<ReturnState> returns, List<Item> documents, boolean formDocument) {
    }

    private final ReferralLog referrals;
    private final InformationRequests requests;
    private final AgencyDirectory directory;
    private final java.time.Clock clock;

    ReferralPaperSource(ReferralLog referrals, InformationRequests requests, AgencyDirectory directory,
            java.time.Clock clock) {
        this.referrals = referrals;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for an unknown referral */
    Bundle bundle(ReferralReference reference) {
        Referral referral = referrals.find(reference)
                .orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        List<Item> documents = new ArrayList<>();
        List<ReferralDocument> own = referrals.documents(referral.id());
        boolean formDocument = false;
        for (ReferralDocument d : own) {
            if ("FORM".equals(d.role())) {
                documents.add(0, referralItem(referral, d, "Referral form"));
                formDocument = true;
            }
        }
        for (ReferralDocument d : own) {
            if (!"FORM".equals(d.role())) {
                documents.add(referralItem(referral, d, paperLabel(d)));
            }
        }
        List<ReturnState> returns = new ArrayList<>();
        for (InformationRequest r : shown(reference)) {
            List<ReturnDocument> docs = requests.documents(r.id());
            returns.add(state(r, docs.size()));
            for (ReturnDocument d : docs) {
                documents.add(new Item("Return from " + r.agencyCode(), r.agencyCode(), d.id().toString(),
                        d.fileName(), d.contentType(), () -> requests.documentContent(r.id(), d.id())
                                .map(ReturnDocumentContent::bytes).orElse(new byte[0])));
            }
        }
        return new Bundle(referral, returns, documents, formDocument);
    }

    private static String paperLabel(ReferralDocument d) {
        return switch (d.role()) {
            case "REPLY_ATTACHMENT" -> "From the referrer's reply";
            case "ADDED" -> "Added by the secretariat";
            default -> "Sent with the referral";
        };
    }

    /**
     * A line per thing that, when it changes, changes the papers: the form as held, each document, each return's
     * state. Tab separated: kind, reference, then what.
     */
    List<String> manifest(ReferralReference reference) {
        Referral referral = referrals.find(reference)
                .orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", "FORM", reference.toString(),
                ContentStore.sha256Hex(referral.form().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        for (ReferralDocument d : referrals.documents(referral.id())) {
            lines.add(String.join("\t", "DOC", reference.toString(), "referral", d.id().toString()));
        }
        for (InformationRequest r : shown(reference)) {
            lines.add(String.join("\t", "RETURN", reference.toString(), r.agencyCode(), r.status().name()));
            for (ReturnDocument d : requests.documents(r.id())) {
                lines.add(String.join("\t", "DOC", reference.toString(), r.agencyCode(), d.id().toString()));
            }
        }
        return lines;
    }

    String agencyName(String code) {
        return directory.byCode(code).map(a -> a.name()).orElse(code);
    }

    /** Requests that went (drafts never sent and cancelled ones are not the panel's business). */
    private List<InformationRequest> shown(ReferralReference reference) {
        return requests.forReferral(reference).stream()
                .filter(r -> r.status() != RequestStatus.CANCELLED && r.status() != RequestStatus.DRAFT).toList();
    }

    private Item referralItem(Referral referral, ReferralDocument d, String source) {
        return new Item(source, null, d.id().toString(), d.fileName(), d.contentType(),
                () -> referrals.documentContent(referral.id(), d.id()).map(DocumentContent::bytes)
                        .orElse(new byte[0]));
    }

    private ReturnState state(InformationRequest r, int documents) {
        LocalDate due = r.deadline() == null ? null : r.deadline().due();
        boolean late = r.answeredAt() != null && due != null
                && LocalDate.ofInstant(r.answeredAt(), clock.getZone()).isAfter(due);
        String state = switch (r.status()) {
            case RETURNED -> late ? "Returned after the due date" : "Returned";
            case NOT_KNOWN -> "Does not know the person";
            case OVERDUE -> "No return: overdue";
            case ESCALATED -> "No return: overdue, escalated";
            case SENT, REMINDED -> "Awaited";
            default -> r.status().name();
        };
        return new ReturnState(r.agencyCode(), agencyName(r.agencyCode()), r.status(), state, r.sentAt(), due,
                r.answeredAt(), late, documents);
    }
}
