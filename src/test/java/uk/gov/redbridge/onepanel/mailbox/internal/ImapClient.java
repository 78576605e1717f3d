package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A person at a mailbox, over IMAP as any mail client: appends, reads, flags and moves messages by hand. Login and
 * password are the address (the embedded server's convention).
 */
final class ImapClient implements AutoCloseable {

    private final Store store;

    ImapClient(String host, int port, String address) throws MessagingException {
        this(host, port, address, address);
    }

    ImapClient(String host, int port, String login, String password) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "30000");
        store = Session.getInstance(p).getStore("imap");
        store.connect(host, port, login, password);
    }

    void append(String folder, byte[]... raws) throws MessagingException {
        Folder f = folder(folder);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        List<Message> messages = new ArrayList<>();
        for (byte[] raw : raws) {
            messages.add(new MimeMessage(null, new ByteArrayInputStream(raw)));
        }
        f.appendMessages(messages.toArray(Message[]::new));
    }

    int count(String folder) throws MessagingException {
        Folder f = folder(folder);
        return f.exists() ? f.getMessageCount() : 0;
    }

    /** Raw bytes of every message in the folder, in order. */
    List<byte[]> raw(String folder) throws MessagingException, IOException {
        IMAPFolder f = (IMAPFolder) folder(folder);
        List<byte[]> out = new ArrayList<>();
        if (!f.exists()) {
            return out;
        }
        f.open(Folder.READ_ONLY);
        try {
            for (Message m : f.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                out.add(bytes.toByteArray());
            }
        } finally {
            f.close(false);
        }
        return out;
    }

    Flags flags(String folder, int index) throws MessagingException {
        Folder f = folder(folder);
        f.open(Folder.READ_ONLY);
        try {
            return f.getMessage(index + 1).getFlags();
        } finally {
            f.close(false);
        }
    }

    void setFlag(String folder, int index, Flags flags) throws MessagingException {
        Folder f = folder(folder);
        f.open(Folder.READ_WRITE);
        try {
            f.getMessage(index + 1).setFlags(flags, true);
        } finally {
            f.close(false);
        }
    }

    /** Moves every message of one folder into another, as a person dragging them in a mail client. */
    void moveAll(String from, String to) throws MessagingException {
        IMAPFolder source = (IMAPFolder) folder(from);
        source.open(Folder.READ_WRITE);
        try {
            source.moveMessages(source.getMessages(), folder(to));
        } finally {
            source.close(false);
        }
    }

    Folder folder(String name) throws MessagingException {
        return store.getFolder(name);
    }

    Store store() {
        return store;
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
