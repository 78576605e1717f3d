package uk.gov.redbridge.onepanel.papers.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.papers.CollatedPapers;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

/** A referral's papers from the case page: built from what is held now, served as a download. */
@Controller
class PapersPageController {

    private final Papers papers;

    PapersPageController(Papers papers) {
        this.papers = papers;
    }

    @GetMapping(path = "/referrals/{reference}/papers", name = "papers.downloaded")
    ResponseEntity<byte[]> papers(@PathVariable String reference) {
        ReferralReference ref = ReferralReference.tryParse(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CollatedPapers collated;
        try {
            collated = papers.referralPapers(ref);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Downloads.attachment(collated.fileName(), "application/pdf", collated.pdf());
    }
}
