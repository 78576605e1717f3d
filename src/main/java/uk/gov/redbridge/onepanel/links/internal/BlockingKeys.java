package uk.gov.redbridge.onepanel.links.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;

/**
 * The keys under which a person is filed for matching, so that a new referral is compared only with the people who
 * share a key with its own (an index lookup, not a scan). Kinds: {@code N} the NHS number; {@code D} the date of
 * birth with the sound (Double Metaphone) of one word of the name, first given name or a family name, and of the
 * nickname group's name; {@code M} the name without a date of birth (first given name's group and last family name,
 * in either order); {@code H} the postcode and premise. Keys are kept only as keyed hashes (HMAC-SHA-256, the first
 * 16 bytes), so the key table holds no readable personal data.
 */
public final class BlockingKeys {

    public static final char NHS = 'N';
    public static final char BIRTH_AND_NAME = 'D';
    public static final char NAME = 'M';
    public static final char HOME = 'H';

    public record Key(char kind, String hash) {
    }

    private final NameComparison names;
    private final Nicknames nicknames;
    private final byte[] secret;

    public BlockingKeys(NameComparison names, Nicknames nicknames, String secret) {
        this.names = names;
        this.nicknames = nicknames;
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public Set<Key> of(PersonProfile p) {
        Set<String> plain = new LinkedHashSet<>();
        if (p.nhsNumber() != null) {
            plain.add(NHS + "|" + p.nhsNumber());
        }
        for (PersonName n : p.names()) {
            if (p.dateOfBirth() != null) {
                Set<String> words = new TreeSet<>();
                String first = n.firstGiven();
                if (first.length() > 1) {
                    words.add(first);
                    words.addAll(nicknames.groupsOf(first));
                }
                n.family().stream().filter(w -> w.length() > 1).forEach(words::add);
                for (String w : words) {
                    plain.add(BIRTH_AND_NAME + "|" + p.dateOfBirth() + "|" + names.sound(w));
                }
            }
            if (n.isComplete() && n.firstGiven().length() > 1) {
                String family = n.family().get(n.family().size() - 1);
                for (String group : nicknames.groupsOf(n.firstGiven())) {
                    String pair = group.compareTo(family) <= 0 ? group + " " + family : family + " " + group;
                    plain.add(NAME + "|" + pair);
                }
            }
        }
        if (p.hasHome()) {
            plain.add(HOME + "|" + p.postcode() + "|" + p.premise());
        }
        Set<Key> out = new LinkedHashSet<>();
        for (String k : plain) {
            out.add(new Key(k.charAt(0), hash(k)));
        }
        return out;
    }

    /** Changes when the secret changes: the keys are then worked out again. Not the secret itself. */
    public String fingerprint() {
        return hash("fingerprint").substring(0, 8);
    }

    String hash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] digest = secret == null ? sha256.get().digest(bytes) : hmac.get().doFinal(bytes);
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    // one instance per thread: getting and initialising them costs more than hashing a key
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
