package uk.gov.redbridge.onepanel.shared.words;

import java.util.Optional;

/**
 * Words for codes that are configuration rather than code: an agency's name for its directory code, a mailbox's
 * address for its configured name. The module that owns the configuration provides one as a bean.
 */
public interface WordSource {

    /** The kind of code it knows, e.g. {@code agency}, {@code mailbox}. */
    String type();

    Optional<String> words(String code);
}
