package uk.gov.redbridge.onepanel.correspondence.internal;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;

/**
 * Points in the send loop where a test can simulate a crash (RELIABILITY.md S2: between the server's 250 and the
 * commit that records it). Does nothing in the service.
 */
@Component
public class SendHooks {

    /** Called after the SMTP server accepted the message and before the row is marked SENT. */
    public void afterAccepted(OutboundMailId id) {
    }
}
