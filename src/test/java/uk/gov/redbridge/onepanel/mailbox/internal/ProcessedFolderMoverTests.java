package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The move after storing, with each set of server capabilities (RELIABILITY I6): nothing is ever deleted, and
 * a message someone else marked {@code \Deleted} is never expunged by us.
 */
class ProcessedFolderMoverTests {

    private static final String RSAB = "RSAB@redbridge.gov.uk";
    private static final String PROCESSED = "OnePanel Processed";

    private final ProcessedFolderMover mover = new ProcessedFolderMover();
    private GreenMailServer server;
    private ImapClient person;
    private ImapClient service;

    @BeforeEach
    void start() throws Exception {
        server = TestSettings.startedMailServer(RSAB);
        person = new ImapClient("127.0.0.1", server.info().imapPort(), RSAB);
        service = new ImapClient("127.0.0.1", server.info().imapPort(), RSAB);
        person.append("INBOX", TestMail.simple("ours@x", RSAB, "ours"), TestMail.simple("theirs@x", RSAB, "theirs"));
        // someone deleted the second message in their mail client, without expunging
        person.setFlag("INBOX", 1, new Flags(Flags.Flag.DELETED));
    }

    @AfterEach
    void stop() throws Exception {
        person.close();
        service.close();
        server.stop();
    }

    @Test
    void withMoveTheMessageLeavesTheInboxInOneStep() throws Exception {
        moveFirst(new ServerCapabilities(true, true, true));

        assertThat(person.count("INBOX")).isEqualTo(1);
        assertThat(person.flags("INBOX", 0).contains(Flags.Flag.DELETED)).isTrue();
        assertThat(new String(person.raw(PROCESSED).get(0))).contains("ours@x");
    }

    @Test
    void withUidplusOnlyOurMessageIsExpunged() throws Exception {
        moveFirst(new ServerCapabilities(true, false, true));

        assertThat(person.count("INBOX")).isEqualTo(1);
        assertThat(new String(person.raw("INBOX").get(0))).contains("theirs@x");
        assertThat(person.count(PROCESSED)).isEqualTo(1);
    }

    @Test
    void withNeitherTheMessageIsCopiedAndMarkedButNotRemoved() throws Exception {
        moveFirst(new ServerCapabilities(true, false, false));

        assertThat(person.count("INBOX")).isEqualTo(2);
        assertThat(person.flags("INBOX", 0).contains(ProcessedFolderMover.COPIED_KEYWORD)).isTrue();
        assertThat(person.flags("INBOX", 1).contains(Flags.Flag.DELETED)).isTrue();
        assertThat(person.count(PROCESSED)).isEqualTo(1);
    }

    @Test
    void theProcessedFolderIsCreatedWhenMissing() throws Exception {
        assertThat(person.folder(PROCESSED).exists()).isFalse();
        Folder processed = mover.processedFolder(service.store(), PROCESSED);
        assertThat(processed.exists()).isTrue();
        assertThat(mover.processedFolder(service.store(), PROCESSED).exists()).isTrue();
    }

    private void moveFirst(ServerCapabilities capabilities) throws Exception {
        Folder processed = mover.processedFolder(service.store(), PROCESSED);
        IMAPFolder inbox = (IMAPFolder) service.folder("INBOX");
        inbox.open(Folder.READ_WRITE);
        try {
            Message ours = inbox.getMessage(1);
            mover.move(inbox, ours, processed, capabilities);
        } finally {
            inbox.close(false);
        }
    }
}
