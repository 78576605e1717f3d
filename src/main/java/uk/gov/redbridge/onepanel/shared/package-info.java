/**
 * A few value types every module speaks: the referral reference and the pathway. Kept tiny on purpose. Its
 * {@code web} package holds the one web helper several modules' pages need: serving a document from an email
 * safely for download, and naming an uploaded file safely ({@code UploadedFiles}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.gov.redbridge.onepanel.shared;
