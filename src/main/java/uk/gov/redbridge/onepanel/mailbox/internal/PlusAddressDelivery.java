package uk.gov.redbridge.onepanel.mailbox.internal;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;

/**
 * Delivery in the embedded server as Exchange does it: mail to {@code RSAB+op-2026-0001-nelft@redbridge.gov.uk}
 * lands in {@code RSAB@redbridge.gov.uk}. A mailbox that does not exist yet is created on delivery, with login and
 * password equal to its address (GreenMail's convention), so any address's mail can be read back over IMAP.
 * (GreenMail's own "sieve ignore detail" also treats {@code a--b@} as detail, so it is not used.)
 */
class PlusAddressDelivery implements MessageDeliveryHandler {

    private final UserManager users;

    PlusAddressDelivery(UserManager users) {
        this.users = users;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) throws UserException {
        String address = withoutTag(recipient.getEmail());
        GreenMailUser user = users.getUserByEmail(address);
        return user != null ? user : users.createUser(address, address, address);
    }

    /** The address without a {@code +tag} in its local part, its case kept (the password is the address). */
    static String withoutTag(String address) {
        String a = address.trim();
        int at = a.lastIndexOf('@');
        int plus = a.indexOf('+');
        return plus > 0 && at > plus ? a.substring(0, plus) + a.substring(at) : a;
    }
}
