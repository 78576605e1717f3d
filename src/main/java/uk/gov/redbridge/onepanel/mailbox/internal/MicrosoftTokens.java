package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.MsalServiceException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * App-only access tokens for Exchange Online (IMAP and SMTP with XOAUTH2), from Entra ID by the OAuth2 client
 * credentials grant through MSAL4J. One MSAL application per app registration: MSAL caches the token and renews it
 * before it expires, so asking on every connect costs nothing while the token is fresh. {@code refresh} skips the
 * cache, for the one retry after a server said {@code AUTHENTICATE failed}.
 */
@Component
class MicrosoftTokens {

    private final IHttpClient httpClient;
    private final Duration timeout;
    private final Map<MailboxSettings.Auth, ConfidentialClientApplication> applications = new ConcurrentHashMap<>();

    @Autowired
    MicrosoftTokens(MailboxSettings settings) {
        this(null, settings.timeouts().connection().plus(settings.timeouts().read()));
    }

    private MicrosoftTokens(IHttpClient httpClient, Duration timeout) {
        this.httpClient = httpClient;
        this.timeout = timeout;
    }

    /** With another HTTP client in place of MSAL's own (tests: the machine has no route to Entra ID). */
    static MicrosoftTokens usingHttpClient(IHttpClient httpClient, Duration timeout) {
        return new MicrosoftTokens(httpClient, timeout);
    }

    String accessToken(MailboxSettings.Auth auth, boolean refresh) {
        ConfidentialClientApplication application = applications.computeIfAbsent(auth, this::application);
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(auth.scope()))
                .skipCache(refresh)
                .build();
        try {
            return application.acquireToken(parameters).get(timeout.toMillis(), TimeUnit.MILLISECONDS).accessToken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MsalServiceException service) {
                // Entra ID answered and refused: wrong secret, expired certificate, no consent, unknown tenant
                throw new TokenUnavailableException(FailureKind.AUTHENTICATION,
                        "Entra ID refused the token request (" + service.errorCode() + ")", null);
            }
            throw new TokenUnavailableException(FailureKind.UNREACHABLE,
                    "no token from Entra ID (" + (cause == null ? e : cause).getClass().getSimpleName() + ")", null);
        } catch (TimeoutException e) {
            throw new TokenUnavailableException(FailureKind.UNREACHABLE, "Entra ID did not answer in time", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException(FailureKind.UNREACHABLE, "interrupted waiting for Entra ID", null);
        }
    }

    private ConfidentialClientApplication application(MailboxSettings.Auth auth) {
        try {
            String authority = auth.authority().endsWith("/") ? auth.authority() : auth.authority() + "/";
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(auth.clientId(), credential(auth))
                    .authority(authority + auth.tenantId() + "/")
                    .connectTimeoutForDefaultHttpClient((int) timeout.toMillis())
                    .readTimeoutForDefaultHttpClient((int) timeout.toMillis());
            if (httpClient != null) {
                builder.httpClient(httpClient);
            }
            return builder.build();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new TokenUnavailableException(FailureKind.AUTHENTICATION,
                    "the OAuth2 client credential cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private static IClientCredential credential(MailboxSettings.Auth auth)
            throws IOException, java.security.GeneralSecurityException {
        if (auth.clientSecret() != null && !auth.clientSecret().isBlank()) {
            return ClientCredentialFactory.createFromSecret(auth.clientSecret());
        }
        try (InputStream pkcs12 = Files.newInputStream(Path.of(auth.certificatePath()))) {
            return ClientCredentialFactory.createFromCertificate(pkcs12,
                    auth.certificatePassword() == null ? "" : auth.certificatePassword());
        }
    }
}
