package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Writes a referral's requests as drafts, one per agency the directory lists for its pathway, and its dated
 * milestones. Each draft freezes the agency's addresses, the template and the working days allowed, and gets its
 * own reply address: a plus-address on the panel mailbox the referral came to.
 */
@Component
class RequestPlanner {

    private final RequestRepository repository;
    private final MilestoneRepository milestones;
    private final AgencyDirectory directory;
    private final MailAccounts accounts;
    private final ReferralLog referrals;
    private final WorkingDays workingDays;
    private final RequestsSettings settings;
    private final Clock clock;

    RequestPlanner(RequestRepository repository, MilestoneRepository milestones, AgencyDirectory directory,
            MailAccounts accounts, ReferralLog referrals, WorkingDays workingDays, RequestsSettings settings,
            Clock clock) {
        this.repository = repository;
        this.milestones = milestones;
        this.directory = directory;
        this.accounts = accounts;
        this.referrals = referrals;
        this.workingDays = workingDays;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Drafts the referral's requests, once: a referral that has any request already is left alone (so an agency the
     * secretariat removed is not put back by a redelivered event).
     *
     * @return how many drafts were written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int planFor(Referral referral, String actor) {
        if (!repository.forReferral(referral.reference()).isEmpty()) {
            return 0;
        }
        RequestsSettings.PathwaySettings pathway = settings.pathway(referral.pathway());
        Instant now = clock.instant();
        int written = 0;
        for (Agency agency : directory.receivingRequestsFor(referral.pathway())) {
            if (write(referral, agency, now.plus(settings.hold()), actor) != null) {
                written++;
            }
        }
        Instant at = now;
        for (Milestone m : Milestones.of(referral, pathway, workingDays)) {
            milestones.insertMilestoneIfAbsent(referral.id(), m, at);
        }
        referrals.note(referral.reference(), "REQUESTS", "Information requests prepared for " + written
                + " agencies (" + referral.pathway().label() + ")" + (settings.hold().isZero() ? ""
                        : "; they go after a hold of " + settings.hold().toMinutes()
                                + " minutes unless sent sooner"), actor);
        return written;
    }

    /** A draft for one agency, or empty if the referral has one for it already. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<InformationRequest> draft(Referral referral, Agency agency, Instant sendAfter, String actor) {
        RequestId id = write(referral, agency, sendAfter, actor);
        return id == null ? Optional.empty() : repository.find(id);
    }

    /**
     * Writes the draft; returns its id, or null if the referral has one for the agency already. Planning a referral
     * does not read each draft back (13 agencies: 13 queries per referral that nobody used, issue 14).
     */
    private RequestId write(Referral referral, Agency agency, Instant sendAfter, String actor) {
        List<String> to = addressesFor(agency, referral.pathway());
        RequestsSettings.PathwaySettings pathway = settings.pathway(referral.pathway());
        String tag = (referral.reference() + "-" + agency.code()).toLowerCase(Locale.ROOT);
        String mailboxAddress = accounts.byName(referral.mailbox())
                .orElseThrow(() -> new IllegalStateException("no mailbox account " + referral.mailbox())).address();
        RequestId id = new RequestId(UUID.randomUUID());
        boolean written = repository.insert(new RequestRepository.NewRequest(id, referral.id(), referral.reference(),
                referral.pathway(), agency.code(), referral.mailbox(), to, tag, plusAddress(mailboxAddress, tag),
                pathway.template(), pathway.workingDays(), clock.instant(), actor, sendAfter));
        return written ? id : null;
    }

    /**
     * The agency's addresses for the pathway; for an agency the secretariat adds by hand that gets no requests on
     * it, its addresses for the first pathway that has some (its safeguarding lead is the same person).
     */
    private static List<String> addressesFor(Agency agency, Pathway pathway) {
        if (agency.receivesRequestsFor(pathway)) {
            return agency.requestAddressesFor(pathway);
        }
        return Arrays.stream(Pathway.values()).map(agency::requestAddressesFor).filter(a -> !a.isEmpty())
                .findFirst().orElseThrow(() -> new IllegalArgumentException(agency.code()
                        + " has no address for information requests in the directory"));
    }

    /** {@code RSAB+op-2026-0001-nelft@redbridge.gov.uk}: Exchange delivers it to the panel mailbox. */
    static String plusAddress(String mailboxAddress, String tag) {
        int at = mailboxAddress.indexOf('@');
        return mailboxAddress.substring(0, at) + "+" + tag + mailboxAddress.substring(at);
    }
}
