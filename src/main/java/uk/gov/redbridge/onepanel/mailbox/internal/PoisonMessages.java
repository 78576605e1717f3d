package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Counts, per message, the polls in a row that failed on it, so that a message that always fails is set aside
 * after a few tries instead of being retried for ever. Kept in memory: a restart gives every message a few more
 * tries, which is harmless.
 */
@Component
class PoisonMessages {

    private static final int MAX_TRACKED = 10_000;

    record Key(String mailbox, long uidValidity, long uid) {
    }

    private final Map<Key, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Integer> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    synchronized int failed(Key key) {
        return failures.merge(key, 1, Integer::sum);
    }

    synchronized void forget(Key key) {
        failures.remove(key);
    }
}
