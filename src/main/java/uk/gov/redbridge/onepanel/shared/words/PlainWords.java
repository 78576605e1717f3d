package uk.gov.redbridge.onepanel.shared.words;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The one place where a code the service keeps becomes the words a council officer uses: statuses, pathways,
 * reasons, roles, event kinds, audit actions, form fields. Pages, exports, PDFs and emails all ask here.
 *
 * <p>The words are in {@code words/*.properties} on the class path (UTF-8), keyed {@code <type>.<code>}: an enum by
 * its simple type name and constant ({@code ReferralStatus.NEEDS_INFORMATION}), any other code by a type name the
 * caller gives ({@code TimelineKind.AGENDA}, {@code field.subject.first_name}). A module adds its own file
 * ({@code words/meetings.properties}); a key given twice with different words stops the service at start-up.
 *
 * <p>A code without words: with {@code -Donepanel.words.strict=true} (the tests) it is an error, so a test that
 * shows it fails; otherwise it is shown in a readable form built from the code, and logged once (codes only, never
 * personal data).
 */
public final class PlainWords {

    private static final Logger log = LoggerFactory.getLogger(PlainWords.class);
    private static final String FILES = "classpath*:words/*.properties";
    private static volatile Map<String, String> words;
    private static final Set<String> reported = ConcurrentHashMap.newKeySet();

    private PlainWords() {
    }

    /** The words for an enum constant ({@code ReferralStatus.NEEDS_INFORMATION} → "Needs information"). */
    public static String of(Enum<?> code) {
        if (code == null) {
            return "";
        }
        return of(typeOf(code), code.name());
    }

    /** An enum's type in the keys: its simple name, after its enclosing type's for a nested one ({@code Review.State}). */
    public static String typeOf(Enum<?> code) {
        Class<?> type = code.getDeclaringClass();
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    /** A further text about an enum constant, e.g. what usually resolves an exception: key {@code <type>.<code>.<aspect>}. */
    public static String of(Enum<?> code, String aspect) {
        return of(typeOf(code), code.name() + "." + aspect);
    }

    /** The words for a code of a type ({@code of("TimelineKind", "AGENDA")}). */
    public static String of(String type, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return find(type, code).orElseGet(() -> missing(type, code));
    }

    public static Optional<String> find(String type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(all().get(type + "." + code));
    }

    /** Whether a code without words is an error (tests) rather than shown in a form built from the code. */
    public static boolean strict() {
        return Boolean.getBoolean("onepanel.words.strict");
    }

    /** Every key and its words: for tests that check each code has some. */
    public static Map<String, String> all() {
        Map<String, String> loaded = words;
        if (loaded == null) {
            synchronized (PlainWords.class) {
                if (words == null) {
                    words = load();
                }
                loaded = words;
            }
        }
        return loaded;
    }

    static String missing(String type, String code) {
        if (strict()) {
            throw new MissingWordsException(type, code);
        }
        if (reported.add(type + "." + code)) {
            log.warn("No plain words for the code {}.{}: add them to words/*.properties", type, code);
        }
        return readable(code);
    }

    /** {@code NEEDS_INFORMATION} → "Needs information"; {@code attached_to_request} → "Attached to request". */
    static String readable(String code) {
        String spaced = code.replaceAll("[_.\\-]+", " ").strip().toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(PlainWords.class.getClassLoader())
                    .getResources(FILES);
            for (Resource file : files) {
                Properties p = new Properties();
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key).strip();
                    String before = out.putIfAbsent(key, value);
                    if (before != null && !before.equals(value)) {
                        throw new IllegalStateException("The words for " + key + " are given twice, differently, in "
                                + from.get(key) + " and " + file.getFilename());
                    }
                    from.putIfAbsent(key, file.getFilename());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The plain words (words/*.properties) could not be read", e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A code shown to people without plain words for it. */
    public static final class MissingWordsException extends IllegalStateException {

        public MissingWordsException(String type, String code) {
            super("No plain words for the code " + type + "." + code + ": add them to words/*.properties");
        }
    }
}
