package uk.gov.redbridge.onepanel.mailbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where an IMAP or SMTP server listens, and how the connection is protected.
 *
 * @param security {@code NONE} (plain, only for the embedded server on 127.0.0.1), {@code STARTTLS} (plain, then
 *                 upgraded; required, never optional) or {@code SSL} (TLS from the first byte, e.g. IMAP 993)
 */
public record MailEndpoint(@NotBlank String host, @Min(1) @Max(65535) int port, @NotNull Security security) {

    public enum Security {
        NONE, STARTTLS, SSL
    }
}
