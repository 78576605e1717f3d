package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;

/** The configured mailboxes, as the public {@link MailAccount} view (no secrets). */
@Component
public class AccountDirectory {

    private final List<MailboxSettings.Account> accounts;

    AccountDirectory(MailboxSettings settings) {
        this.accounts = settings.accounts();
    }

    public List<MailAccount> accounts() {
        return accounts.stream().map(MailboxSettings.Account::view).toList();
    }

    public Optional<MailAccount> byName(String name) {
        return settings(name).map(MailboxSettings.Account::view);
    }

    public Optional<MailAccount> owning(String address) {
        return accounts().stream().filter(a -> a.receivesFor(address)).findFirst();
    }

    Optional<MailboxSettings.Account> settings(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    List<MailboxSettings.Account> all() {
        return accounts;
    }
}
