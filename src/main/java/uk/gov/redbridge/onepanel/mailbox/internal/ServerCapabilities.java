package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The IMAP extensions the service uses where the server offers them (and configuration does not rule them out):
 * IDLE (RFC 2177) for pick-up within seconds, MOVE (RFC 6851) for an atomic move, UIDPLUS (RFC 4315) for expunging
 * exactly one message after a copy.
 */
record ServerCapabilities(boolean idle, boolean move, boolean uidPlus) {

    static ServerCapabilities probe(IMAPStore store, Collection<String> ignored) throws MessagingException {
        List<String> off = ignored.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        return new ServerCapabilities(
                !off.contains("IDLE") && store.hasCapability("IDLE"),
                !off.contains("MOVE") && store.hasCapability("MOVE"),
                !off.contains("UIDPLUS") && store.hasCapability("UIDPLUS"));
    }

    /** Can a message be taken out of the inbox (MOVE, or COPY and UID EXPUNGE of that one message)? */
    boolean canRemoveFromInbox() {
        return move || uidPlus;
    }

    String describe() {
        List<String> used = new ArrayList<>();
        if (idle) {
            used.add("IDLE");
        }
        if (move) {
            used.add("MOVE");
        }
        if (uidPlus) {
            used.add("UIDPLUS");
        }
        return used.isEmpty() ? "none" : String.join(" ", used);
    }
}
