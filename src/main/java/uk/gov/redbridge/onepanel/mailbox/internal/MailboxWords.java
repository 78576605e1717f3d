package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.shared.words.WordSource;

/** A mailbox by its address ({@code RSAB@redbridge.gov.uk}), as the secretariat knows it, never by its key. */
@Component
class MailboxWords implements WordSource {

    private final MailAccounts accounts;

    MailboxWords(MailAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String type() {
        return "mailbox";
    }

    @Override
    public Optional<String> words(String name) {
        return accounts.byName(name).map(MailAccount::address);
    }
}
