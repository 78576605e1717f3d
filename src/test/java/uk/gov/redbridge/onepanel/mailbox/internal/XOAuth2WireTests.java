package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/**
 * SASL XOAUTH2 as Microsoft documents it ("Authenticate an IMAP, POP or SMTP connection using OAuth"), byte for
 * byte, and on the wire as our IMAP and SMTP logins send it (RELIABILITY M2). The fake servers record each line.
 */
class XOAuth2WireTests {

    private static final String USER = "test@contoso.onmicrosoft.com";
    private static final String TOKEN = "EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA";
    /** The documentation's example, ^A being the byte 0x01. */
    private static final String PLAIN = "user=test@contoso.onmicrosoft.com\u0001auth=Bearer "
            + "EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA\u0001\u0001";
    private static final String ENCODED = "dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQU"
            + "FVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==";

    @Test
    void theDocumentedExampleStringEncodesToTheDocumentedBytes() {
        assertThat(Base64.getEncoder().encodeToString(PLAIN.getBytes(StandardCharsets.US_ASCII))).isEqualTo(ENCODED);
    }

    @Test
    void imapLoginSendsExactlyTheDocumentedXoauth2String() throws Exception {
        try (ScriptedMailServer imap = new ScriptedMailServer("* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] ready",
                XOAuth2WireTests::imapScript)) {
            MailboxSettings.Account account = oauthAccount(imap.port(), 1);
            MailLogin login = new MailLogin(tokens(new FakeEntraId().handingOut(TOKEN)));

            IMAPStore store = login.imap(account, new MailSessions(settingsOf(account)).imap(account));
            store.close();

            assertThat(authenticateLines(imap.received())).containsExactly("AUTHENTICATE XOAUTH2 " + ENCODED);
        }
    }

    @Test
    void aRefusedTokenIsRefreshedOnceThenTheRefusalIsReported() throws Exception {
        try (ScriptedMailServer imap = new ScriptedMailServer("* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] ready",
                (line, state) -> line.contains("AUTHENTICATE") ? List.of(tag(line) + " NO AUTHENTICATE failed.")
                        : imapScript(line, state))) {
            MailboxSettings.Account account = oauthAccount(imap.port(), 1);
            FakeEntraId entra = new FakeEntraId().handingOut("first-token", "second-token");
            MailLogin login = new MailLogin(tokens(entra));

            assertThatThrownBy(() -> login.imap(account, new MailSessions(settingsOf(account)).imap(account)))
                    .isInstanceOf(AuthenticationFailedException.class);

            assertThat(entra.tokenRequests()).hasSize(2);
            assertThat(authenticateLines(imap.received())).containsExactly(
                    "AUTHENTICATE XOAUTH2 " + xoauth2("first-token"),
                    "AUTHENTICATE XOAUTH2 " + xoauth2("second-token"));
            assertThat(FailureClassifier.classify(new AuthenticationFailedException("AUTHENTICATE failed.")))
                    .isEqualTo(FailureKind.AUTHENTICATION);
        }
    }

    @Test
    void smtpLoginSendsExactlyTheDocumentedXoauth2StringAndRefusalsReachTheCallerUnchanged() throws Exception {
        try (ScriptedMailServer smtp = new ScriptedMailServer("220 fake ESMTP", XOAuth2WireTests::smtpScript)) {
            MailboxSettings.Account account = oauthAccount(1, smtp.port());
            MailboxSettings settings = settingsOf(account);
            MailSessions sessions = new MailSessions(settings);
            SmtpSender sender = new SmtpSender(new AccountDirectory(settings), sessions,
                    new MailLogin(tokens(new FakeEntraId().handingOut(TOKEN))));

            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress(USER));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("nobody@nhs-trust.example"));
            message.setSubject("Reference OP-2026-0001");
            message.setText("text");

            assertThatThrownBy(() -> sender.send("m365", message))
                    // Angus's own exception, unwrapped: the refused recipient and its SMTP reply code
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(e.getInvalidAddresses()).extracting(Object::toString)
                                .containsExactly("nobody@nhs-trust.example");
                        assertThat(e.getNextException()).isInstanceOfSatisfying(SMTPAddressFailedException.class,
                                failed -> assertThat(failed.getReturnCode()).isEqualTo(550));
                    });
            assertThat(smtp.received()).contains("AUTH XOAUTH2 " + ENCODED);
            assertThat(smtp.received()).anyMatch(l -> l.startsWith("MAIL FROM:<" + USER + ">"));
        }
    }

    private static List<String> imapScript(String line, StringBuilder state) {
        String tag = tag(line);
        String command = line.substring(tag.length()).trim().toUpperCase();
        if (command.startsWith("CAPABILITY")) {
            return List.of("* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR", tag + " OK CAPABILITY completed");
        }
        if (command.startsWith("AUTHENTICATE")) {
            return List.of(tag + " OK AUTHENTICATE completed");
        }
        if (command.startsWith("LOGOUT")) {
            state.append("CLOSE");
            return List.of("* BYE", tag + " OK LOGOUT completed");
        }
        return List.of(tag + " OK done");
    }

    private static List<String> smtpScript(String line, StringBuilder state) {
        if (state.indexOf("DATA") >= 0) {
            if (line.equals(".")) {
                state.setLength(0);
                return List.of("250 2.0.0 queued");
            }
            return null;
        }
        String command = line.toUpperCase();
        if (command.startsWith("EHLO")) {
            return List.of("250-fake", "250-AUTH LOGIN PLAIN XOAUTH2", "250 8BITMIME");
        }
        if (command.startsWith("AUTH XOAUTH2")) {
            return List.of("235 2.7.0 Authentication successful");
        }
        if (command.startsWith("RCPT")) {
            return List.of("550 5.1.1 Recipient address rejected");
        }
        if (command.startsWith("DATA")) {
            state.append("DATA");
            return List.of("354 go ahead");
        }
        if (command.startsWith("QUIT")) {
            state.append("CLOSE");
            return List.of("221 bye");
        }
        return List.of("250 OK");
    }

    private static String tag(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    private static List<String> authenticateLines(List<String> received) {
        return received.stream().filter(l -> l.contains("AUTHENTICATE"))
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    private static String xoauth2(String token) {
        return Base64.getEncoder().encodeToString(("user=" + USER + "\u0001auth=Bearer " + token + "\u0001\u0001")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static MailboxSettings.Account oauthAccount(int imapPort, int smtpPort) {
        return TestSettings.settings().oauthAccount("m365", USER, imapPort, smtpPort).bind().accounts().get(0);
    }

    private static MailboxSettings settingsOf(MailboxSettings.Account account) {
        return TestSettings.settings().oauthAccount("m365", USER, account.imap().port(), account.smtp().port())
                .set("timeouts.read", "PT5S").bind();
    }

    private static MicrosoftTokens tokens(FakeEntraId entra) {
        return MicrosoftTokens.usingHttpClient(entra, Duration.ofSeconds(10));
    }
}
