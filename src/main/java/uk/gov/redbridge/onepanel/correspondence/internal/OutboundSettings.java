package uk.gov.redbridge.onepanel.correspondence.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedDomains where the service may send: {@code nhs.net} means exactly that domain, {@code *.gov.uk}
 *                       any sub-domain of gov.uk. The partner agencies' own domains in the agency directory are
 *                       allowed too. Outside these, a mail is blocked and becomes an exception.
 */
@ConfigurationProperties("onepanel.outbound")
record OutboundSettings(List<String> allowedDomains) {

    OutboundSettings {
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
    }
}
