/**
 * Collated papers: per referral one PDF (cover sheet with the key facts, each agency's return and the Appendix B or
 * C questions beside what the form says; a contents page; the referral form; every document the referrer and the
 * agencies sent), and per meeting one pack (the agenda, then each referral's papers), with a bookmark per document
 * and page numbers. PDFs are merged as they are; Word and other office documents are converted by LibreOffice when
 * it is installed, else rendered readably from their text and tables; images are embedded; a document that cannot
 * be converted is listed on the cover with the reason and attached to the PDF as it is. Issued packs are kept, so a
 * re-issue can say what changed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "referrals", "requests", "agencies",
        "storage", "extraction", "workingdays", "links"})
package uk.gov.redbridge.onepanel.papers;
