package uk.gov.redbridge.onepanel.links.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** The rules as configured: the nickname list, the comparison, the keys, and their version. */
public final class MatchingRules {

    /** Raise when the rules in code change: every referral is matched again once, at start-up. */
    static final String CODE_VERSION = "1";

    static final String DEFAULT_NICKNAMES = "classpath:links/nicknames.txt";

    private final Nicknames nicknames;
    private final PersonComparison comparison;
    private final BlockingKeys keys;
    private final int commonNameLimit;

    public MatchingRules(Nicknames nicknames, String keySecret, int commonNameLimit) {
        this.nicknames = nicknames;
        NameComparison names = new NameComparison(nicknames);
        this.comparison = new PersonComparison(names);
        this.keys = new BlockingKeys(names, nicknames, keySecret);
        this.commonNameLimit = commonNameLimit;
    }

    public static MatchingRules from(LinksSettings settings) {
        String location = settings.nicknames() == null ? DEFAULT_NICKNAMES : settings.nicknames();
        Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location
                : "file:" + location);
        try (InputStream in = resource.getInputStream()) {
            return new MatchingRules(Nicknames.read(in), settings.keySecret(), settings.commonNameLimit());
        } catch (IOException e) {
            throw new UncheckedIOException("the nickname list " + settings.nicknames() + " cannot be read", e);
        }
    }

    public PersonComparison comparison() {
        return comparison;
    }

    public BlockingKeys keys() {
        return keys;
    }

    public int commonNameLimit() {
        return commonNameLimit;
    }

    /** The code's rules, the nickname list and the key secret (its fingerprint): what the links were worked out with. */
    public String version() {
        return CODE_VERSION + ":" + nicknames.fingerprint() + ":" + keys.fingerprint();
    }
}
