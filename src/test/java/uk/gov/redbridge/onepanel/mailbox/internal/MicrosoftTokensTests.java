package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** MSAL4J's client credentials grant, run for real with only its HTTP client replaced. */
class MicrosoftTokensTests {

    private final MailboxSettings.Auth auth = TestSettings.settings()
            .oauthAccount("rsab", "RSAB@redbridge.gov.uk", 1, 1).bind().accounts().get(0).auth();

    @Test
    void asksEntraIdForAnExchangeOnlineTokenWithTheClientCredentialsGrant() {
        FakeEntraId entra = new FakeEntraId().handingOut("token-1");
        MicrosoftTokens tokens = MicrosoftTokens.usingHttpClient(entra, Duration.ofSeconds(10));

        assertThat(tokens.accessToken(auth, false)).isEqualTo("token-1");

        assertThat(entra.tokenRequests()).hasSize(1);
        assertThat(entra.tokenRequests().get(0).url().toString())
                .isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
        String body = URLDecoder.decode(entra.tokenRequests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(body.split("&")).contains("grant_type=client_credentials", "client_id=app-id");
        assertThat(body).containsPattern("(^|&)scope=[^&]*https://outlook\\.office365\\.com/\\.default");
    }

    @Test
    void servesTheCachedTokenOnEveryConnectAndSkipsTheCacheOnlyWhenAskedToRefresh() {
        FakeEntraId entra = new FakeEntraId().handingOut("token-1", "token-2");
        MicrosoftTokens tokens = MicrosoftTokens.usingHttpClient(entra, Duration.ofSeconds(10));

        assertThat(tokens.accessToken(auth, false)).isEqualTo("token-1");
        assertThat(tokens.accessToken(auth, false)).isEqualTo("token-1");
        assertThat(entra.tokenRequests()).hasSize(1);

        assertThat(tokens.accessToken(auth, true)).isEqualTo("token-2");
        assertThat(entra.tokenRequests()).hasSize(2);
    }

    @Test
    void aRefusalByEntraIdIsAnAuthenticationFailureWithoutTheSecret() {
        MicrosoftTokens tokens = MicrosoftTokens.usingHttpClient(new FakeEntraId().refusing(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> tokens.accessToken(auth, false))
                .isInstanceOfSatisfying(TokenUnavailableException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION))
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("not-a-real-secret");
    }

    @Test
    void noAnswerFromEntraIdMeansUnreachable() {
        MicrosoftTokens tokens = MicrosoftTokens.usingHttpClient(new FakeEntraId().unreachable(),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> tokens.accessToken(auth, false))
                .isInstanceOfSatisfying(TokenUnavailableException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE));
    }
}
