/**
 * Where the service keeps document bytes (raw emails, attachments, generated forms and packs): one table, with
 * AES-256-GCM encryption at rest when a key is configured (required in production).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package uk.gov.redbridge.onepanel.storage;
