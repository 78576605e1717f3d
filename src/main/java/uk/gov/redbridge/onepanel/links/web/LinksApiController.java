package uk.gov.redbridge.onepanel.links.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.LinkId;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.LinksOfReferral;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * A referral's links for integrations and checks (HTTP Basic, role API): references, pathways, kinds and the
 * evidence in words; never a name or any other value from the forms.
 */
@RestController
class LinksApiController {

    private final FamilyLinks links;

    LinksApiController(FamilyLinks links) {
        this.links = links;
    }

    record Link(String id, String otherReferral, String otherPathway, String otherStatus, String otherOutcome,
            String kind, String strength, String state, List<String> evidence, String evidenceText, String personHere,
            String personThere, String who, String summary, Instant foundAt, boolean current, String decidedBy,
            Instant decidedAt, String reason) {

        static Link of(ReferralLink l) {
            return new Link(l.id().toString(), l.other().toString(), l.otherPathway().name(), l.otherStatus().name(),
                    l.otherOutcome(), l.kind().name(), l.strength().name(), l.state().name(),
                    l.evidence().stream().map(Enum::name).toList(), l.evidenceText(), l.personHere(), l.personThere(),
                    l.who(), l.summary(), l.foundAt(), l.current(), l.decidedBy(), l.decidedAt(), l.reason());
        }
    }

    record Links(String reference, List<Link> links, List<Link> suggestions, List<Link> rejected) {
    }

    record Decision(String reason) {
    }

    @GetMapping(path = "/api/referrals/{reference}/links", name = "api.links-read")
    Links read(@PathVariable String reference, Principal principal) {
        ReferralReference ref = reference(reference);
        LinksOfReferral of = links.of(ref, Viewers.of(principal));
        return new Links(ref.toString(), of.links().stream().map(Link::of).toList(),
                of.suggestions().stream().map(Link::of).toList(), of.rejected().stream().map(Link::of).toList());
    }

    @PostMapping(path = "/api/referrals/{reference}/links/{id}/confirm", name = "api.link-confirmed")
    ResponseEntity<?> confirm(@PathVariable String reference, @PathVariable String id,
            @RequestBody(required = false) Decision body, Principal principal) {
        return decide(reference, id, LinkState.CONFIRMED, body, principal);
    }

    @PostMapping(path = "/api/referrals/{reference}/links/{id}/reject", name = "api.link-rejected")
    ResponseEntity<?> reject(@PathVariable String reference, @PathVariable String id,
            @RequestBody(required = false) Decision body, Principal principal) {
        return decide(reference, id, LinkState.REJECTED, body, principal);
    }

    /** Matches every referral's people again (after a change to the nickname list, say). */
    @PostMapping(path = "/api/links/match-again", name = "api.links-matched-again")
    Map<String, Integer> matchAgain() {
        return Map.of("referrals", links.matchAll());
    }

    private ResponseEntity<?> decide(String reference, String id, LinkState decision, Decision body,
            Principal principal) {
        ReferralReference ref = reference(reference);
        LinkId linkId;
        try {
            linkId = LinkId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "give a reason"));
        }
        try {
            return ResponseEntity.ok(Link.of(links.decide(ref, linkId, decision, body.reason(), principal.getName(),
                    Viewers.of(principal))));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("give a reason")) {
                return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private ReferralReference reference(String text) {
        ReferralReference ref = ReferralReference.tryParse(text)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            links.of(ref, new uk.gov.redbridge.onepanel.links.LinkViewer(java.util.Set.of()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ref;
    }
}
