package uk.gov.redbridge.onepanel.mailbox.internal;

/** No OAuth2 access token could be had from Entra ID: the kind says whether it refused us or could not be reached. */
class TokenUnavailableException extends RuntimeException {

    private final FailureKind kind;

    TokenUnavailableException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }
}
