package uk.gov.redbridge.onepanel.mailbox;

/** TEMPORARY SHIM (lead): replaced by the mailbox branch. */
public record MailAccount(String name, String address) {
}
