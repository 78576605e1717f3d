package uk.gov.redbridge.onepanel.requests.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.CaseSection;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;

/**
 * The case page's information requests: each agency's request with its state and due date (overdue in red), the
 * documents of its return, and the secretariat's actions (send now, add or remove an agency, record "not known").
 */
@Component
class RequestCaseSection implements CaseSection {

    private final InformationRequests requests;
    private final AgencyDirectory agencies;
    private final Clock clock;

    RequestCaseSection(InformationRequests requests, AgencyDirectory agencies, Clock clock) {
        this.requests = requests;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** One request as the page shows it. */
    record Row(InformationRequest request, String agencyName, boolean overdue, LocalDate due,
            List<ReturnDocument> documents, boolean open) {

        public String statusTag() {
            return switch (request.status()) {
                case DRAFT, CANCELLED -> "govuk-tag--grey";
                case SENT -> "govuk-tag--blue";
                case REMINDED -> "govuk-tag--light-blue";
                case RETURNED, NOT_KNOWN -> "govuk-tag--green";
                case OVERDUE, ESCALATED -> "govuk-tag--red";
            };
        }
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "requests/case-section :: section";
    }

    @Override
    public Map<String, Object> model(Referral referral) {
        LocalDate today = LocalDate.now(clock);
        List<InformationRequest> all = requests.forReferral(referral.reference());
        List<Row> rows = new ArrayList<>();
        for (InformationRequest r : all) {
            LocalDate due = r.deadline() == null ? null : r.deadline().due();
            boolean overdue = r.status().awaitingAnswer() && (r.status() == RequestStatus.OVERDUE
                    || r.status() == RequestStatus.ESCALATED || (r.deadline() != null && r.deadline().isOverdueOn(today)));
            rows.add(new Row(r, agencies.byCode(r.agencyCode()).map(Agency::name).orElse(r.agencyCode()), overdue, due,
                    r.status().answered() ? requests.documents(r.id()) : List.of(),
                    r.status() != RequestStatus.CANCELLED && !r.status().answered()));
        }
        Set<String> active = all.stream().filter(r -> r.status() != RequestStatus.CANCELLED)
                .map(r -> r.agencyCode().toUpperCase()).collect(Collectors.toSet());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("hasRequests", !all.isEmpty());
        model.put("drafts", all.stream().filter(r -> r.status() == RequestStatus.DRAFT).count());
        model.put("addable", agencies.receivingRequestsFor(referral.pathway()).stream()
                .filter(a -> !active.contains(a.code().toUpperCase())).toList());
        return model;
    }
}
