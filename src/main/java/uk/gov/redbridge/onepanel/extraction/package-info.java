/**
 * Turning a document or an email into a {@link uk.gov.redbridge.onepanel.extraction.FilledForm}: reading Word, PDF,
 * OpenDocument, scans and email bodies, locating the Appendix E fields as {@code form-mappings/} declares them,
 * normalising and validating values, with a confidence and a provenance for every field. A pure API: no database,
 * no mail server; the command line uses it as the service does. An email comes in already parsed ({@link
 * uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail}): extraction reads its parts. It may parse an email's bytes ({@code
 * mailparsing :: parser}) only for the command line's {@code .eml} files and its warm-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mailparsing", "mailparsing :: parser"})
package uk.gov.redbridge.onepanel.extraction;
