/**
 * Turning a document or an email into a {@link uk.gov.redbridge.onepanel.extraction.FilledForm}: reading Word, PDF,
 * OpenDocument, scans and email bodies, locating the Appendix E fields as {@code form-mappings/} declares them,
 * normalising and validating values, with a confidence and a provenance for every field. A pure API: no database,
 * no mail server; the command line uses it as the service does. Also reads the anatomy of an email ({@link
 * uk.gov.redbridge.onepanel.extraction.MailAnatomy}) for the modules that need its parts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package uk.gov.redbridge.onepanel.extraction;
