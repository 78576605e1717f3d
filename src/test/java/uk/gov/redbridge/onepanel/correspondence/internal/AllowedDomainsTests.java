package uk.gov.redbridge.onepanel.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedDomainsTests {

    @Test
    void exactAndWildcardPatterns() {
        assertThat(AllowedDomains.matches("nhs.net", "nhs.net")).isTrue();
        assertThat(AllowedDomains.matches("nhs.net", "evilnhs.net")).isFalse();
        assertThat(AllowedDomains.matches("nhs.net", "sub.nhs.net")).isFalse();
        assertThat(AllowedDomains.matches("*.gov.uk", "redbridge.gov.uk")).isTrue();
        assertThat(AllowedDomains.matches("*.gov.uk", "a.b.gov.uk")).isTrue();
        assertThat(AllowedDomains.matches("*.gov.uk", "gov.uk")).isFalse();
        assertThat(AllowedDomains.matches("*.gov.uk", "notgov.uk")).isFalse();
        assertThat(AllowedDomains.matches("*.gov.uk", "gov.uk.evil.com")).isFalse();
    }

    @Test
    void malformedAddressesHaveNoDomain() {
        assertThat(AllowedDomains.domainOf("a@nhs.net")).contains("nhs.net");
        assertThat(AllowedDomains.domainOf("A@NHS.NET ")).contains("nhs.net");
        assertThat(AllowedDomains.domainOf("a@b@nhs.net")).isEmpty();
        assertThat(AllowedDomains.domainOf("a@nhs.net\r\nBcc: x@evil.com")).isEmpty();
        assertThat(AllowedDomains.domainOf("a@nhs")).isEmpty();
        assertThat(AllowedDomains.domainOf("@nhs.net")).isEmpty();
        assertThat(AllowedDomains.domainOf(null)).isEmpty();
    }
}
