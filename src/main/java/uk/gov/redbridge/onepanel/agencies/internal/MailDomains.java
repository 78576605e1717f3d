package uk.gov.redbridge.onepanel.agencies.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Addresses and domains as the directory compares them: lower case, sub-domain aware. */
public final class MailDomains {

    /** Two or more dot-separated labels of letters, digits and inner hyphens; lower case. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private MailDomains() {
    }

    /**
     * The address part of {@code Name <local@domain>} or of a bare address, trimmed and lower case; empty if there
     * is no {@code @} with something on both sides.
     */
    public static Optional<String> normalisedAddress(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String address = email.trim();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).trim();
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return Optional.of((address.substring(0, at + 1) + domain).toLowerCase(Locale.ROOT));
    }

    /** The domain of an address, lower case, without a trailing dot. */
    public static Optional<String> domainOf(String email) {
        return normalisedAddress(email).map(a -> a.substring(a.lastIndexOf('@') + 1)).filter(d -> !d.isEmpty());
    }

    /** {@code domain} is {@code allowed} or one of its sub-domains: {@code mail.nhs.net} is within {@code nhs.net}. */
    public static boolean isWithin(String domain, String allowed) {
        return domain.equals(allowed) || domain.endsWith("." + allowed);
    }

    public static boolean isWellFormedDomain(String domain) {
        return domain != null && DOMAIN.matcher(domain).matches();
    }

    /** A bare address ({@code local@domain}), no display name, with a well-formed domain. */
    public static boolean isWellFormedAddress(String address) {
        if (address == null || address.isBlank() || address.chars().filter(c -> c == '@').count() != 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && parsed.getAddress().equals(address)
                    && isWellFormedDomain(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return false;
        }
    }
}
