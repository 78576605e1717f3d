package uk.gov.redbridge.onepanel.audit.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Who saw and changed a case, for the secretariat (the route is theirs alone: see the security configuration). */
@Controller
class AuditPageController {

    private final AuditLog audit;
    private final ReferralLog referrals;
    private final ExceptionsQueue exceptions;

    AuditPageController(AuditLog audit, ReferralLog referrals, ExceptionsQueue exceptions) {
        this.audit = audit;
        this.referrals = referrals;
        this.exceptions = exceptions;
    }

    @GetMapping(path = "/referrals/{reference}/audit", name = "audit.viewed")
    String audit(@PathVariable String reference, Model model) {
        Referral referral = ReferralReference.tryParse(reference).flatMap(referrals::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<UUID> exceptionIds = exceptions.forReferral(referral.reference().toString()).stream()
                .map(e -> e.id().value()).toList();
        model.addAttribute("referral", referral);
        model.addAttribute("records", audit.forReferral(referral.reference(), exceptionIds));
        return "audit/case-audit";
    }
}
