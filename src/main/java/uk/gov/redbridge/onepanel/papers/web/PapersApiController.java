package uk.gov.redbridge.onepanel.papers.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.papers.CollatedPapers;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** A referral's papers as one PDF (HTTP Basic, role API), built from what is held now. */
@RestController
class PapersApiController {

    private final Papers papers;

    PapersApiController(Papers papers) {
        this.papers = papers;
    }

    @GetMapping(path = "/api/referrals/{reference}/papers", name = "papers.downloaded")
    ResponseEntity<byte[]> papers(@PathVariable String reference) {
        ReferralReference ref;
        try {
            ref = ReferralReference.tryParse(reference)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral");
        }
        CollatedPapers collated;
        try {
            collated = papers.referralPapers(ref);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral");
        }
        return pdf(collated.pdf(), collated.fileName());
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
        return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
    }
}
