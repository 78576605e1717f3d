package uk.gov.redbridge.onepanel.links.web;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.LinkId;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.LinksOfReferral;
import uk.gov.redbridge.onepanel.links.internal.LinkDecisions;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The secretariat's say on a link (from the case page), and the combined timeline of a confirmed same person. */
@Controller
class LinkPagesController {

    private final FamilyLinks links;

    LinkPagesController(FamilyLinks links) {
        this.links = links;
    }

    @PostMapping(path = "/referrals/{reference}/links/{id}", name = "link.decided")
    String decide(@PathVariable String reference, @PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, Principal principal, RedirectAttributes redirect) {
        ReferralReference ref = ReferralReference.tryParse(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LinkId linkId;
        try {
            linkId = LinkId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<LinkState> state = "CONFIRMED".equals(decision) ? Optional.of(LinkState.CONFIRMED)
                : "REJECTED".equals(decision) ? Optional.of(LinkState.REJECTED) : Optional.empty();
        String why = reason == null ? "" : reason.strip();
        if (state.isEmpty() || why.isEmpty() || why.length() > LinkDecisions.MAX_REASON) {
            redirect.addFlashAttribute("pageError", Map.of("href", "#reason-" + id, "key",
                    why.length() > LinkDecisions.MAX_REASON ? "links.reason.tooLong" : "links.reason.required"));
            return "redirect:/referrals/" + ref + "#family";
        }
        try {
            links.decide(ref, linkId, state.get(), why, principal.getName(), Viewers.of(principal));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", state.get() == LinkState.CONFIRMED ? "linkConfirmed" : "linkRejected");
        return "redirect:/referrals/" + ref + "#family";
    }

    /** The referral's timeline with those of the referrals confirmed to be about the same person, as one. */
    @GetMapping(path = "/referrals/{reference}/combined-timeline", name = "link.timeline-viewed")
    String combinedTimeline(@PathVariable String reference, Principal principal, Model model) {
        ReferralReference ref = ReferralReference.tryParse(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LinksOfReferral of;
        try {
            of = links.of(ref, Viewers.of(principal));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("reference", ref);
        model.addAttribute("together", of.links().stream().filter(l -> l.isConfirmedSamePerson())
                .map(l -> l.other()).distinct().toList());
        model.addAttribute("entries", links.combinedTimeline(ref, Viewers.of(principal)));
        return "links/combined-timeline";
    }
}
