package uk.gov.redbridge.onepanel.mailbox.internal;

import org.springframework.stereotype.Component;

/**
 * A point in the intake where a test can stop the process: after a message's row and raw bytes are committed,
 * before the message is moved on the server (RELIABILITY I1, "after-db-commit-before-imap-move"). Does nothing in
 * the application; a test replaces the bean to simulate a crash there.
 */
@Component
class IntakeFaultHook {

    void afterCommitBeforeMove(String mailbox, long uid) {
        // nothing: the application carries on and moves the message
    }
}
