package uk.gov.redbridge.onepanel.correspondence.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param templatesLocation       the folder of mail templates the secretariat edits; when it does not exist, the
 *                                copy packaged in the jar is used
 * @param templateCacheTtl        how long a rendered template is cached: edits show after at most this long
 * @param messageIdDomain         the right-hand side of every Message-ID the service makes: replies quoting it in
 *                                In-Reply-To or References are recognised as replies to the service
 * @param loopToken               the value of the {@code X-OnePanel-Loop} header on every outgoing mail
 * @param fromName                the display name on outgoing mail
 * @param sendInterval            how often the sender looks for due mail (it is also woken after each commit)
 * @param initialBackoff          the first wait after a temporary failure; doubled each time, with jitter
 * @param maxBackoff              the longest wait between attempts
 * @param giveUpAfter             after this long without success a mail is FAILED and shown to the secretariat
 * @param staleSendingAfter       a row claimed by another instance for longer than this is UNCERTAIN
 * @param maxPerRecipientPerHour  loop guard: more answers to outside mail (acknowledgements) than this to one
 *                                address in an hour are blocked; mail the service starts (requests, reminders)
 *                                is not counted against it
 * @param instanceName            names this instance on the rows it claims (default: the host name)
 */
@ConfigurationProperties("onepanel.correspondence")
record CorrespondenceSettings(
        @DefaultValue("./mail-templates") String templatesLocation,
        @DefaultValue("60s") Duration templateCacheTtl,
        @DefaultValue("onepanel.redbridge.gov.uk") String messageIdDomain,
        @DefaultValue("redbridge-one-panel") String loopToken,
        @DefaultValue("Redbridge One Panel") String fromName,
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("1m") Duration initialBackoff,
        @DefaultValue("30m") Duration maxBackoff,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("10m") Duration staleSendingAfter,
        @DefaultValue("30") int maxPerRecipientPerHour,
        String instanceName) {
}
