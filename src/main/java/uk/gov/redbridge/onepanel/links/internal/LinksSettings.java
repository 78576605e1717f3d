package uk.gov.redbridge.onepanel.links.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * @param nicknames       the nickname list: a file path, or {@code classpath:links/nicknames.txt} (the default)
 * @param keySecret       the secret the blocking keys are hashed with (HMAC-SHA-256); blank: plain SHA-256. Changing
 *                        it re-files every referral's people once, at start-up
 * @param commonNameLimit a name without a date of birth shared by more people than this is too common to suggest
 * @param readers         the roles that may see a pathway's referrals in a link (a link shows only to a user who may
 *                        see both referrals); a pathway not listed: every role that reads the pages, and the API
 */
@ConfigurationProperties("onepanel.links")
public record LinksSettings(
        @DefaultValue("classpath:links/nicknames.txt") String nicknames,
        String keySecret,
        @DefaultValue("20") int commonNameLimit,
        Map<Pathway, List<String>> readers) {

    public static final List<String> ALL_READERS = List.of("SECRETARIAT", "CHAIR", "READONLY", "API");

    public LinksSettings {
        readers = readers == null ? Map.of() : Map.copyOf(readers);
    }

    public List<String> readersOf(Pathway pathway) {
        return readers.getOrDefault(pathway, ALL_READERS);
    }
}
