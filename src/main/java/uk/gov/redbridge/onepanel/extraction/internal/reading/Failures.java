package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.util.Locale;

import uk.gov.redbridge.onepanel.extraction.FailureReason;

/** Turns what a parser threw into a reason and an explanation without document content. */
final class Failures {

    private Failures() {
    }

    static ReadFailure classify(Throwable e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReadFailure f) {
                return f;
            }
            String type = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (type.endsWith("EncryptedDocumentException") || type.endsWith("InvalidPasswordException")
                    || message.contains("password")) {
                return new ReadFailure(FailureReason.ENCRYPTED, "the " + what + " is password-protected");
            }
            if (message.contains("zip bomb") || message.contains("suspected zip bomb")) {
                return new ReadFailure(FailureReason.TOO_LARGE, "the " + what
                        + " expands to far more than its size (the decompression limit was reached)");
            }
            if (message.contains("tried to allocate an array") || message.contains("maximum length")
                    || message.contains("max file count") || message.contains("more than the maximum")
                    || message.contains("exceeds the max") || message.contains("too many entries")
                    || type.endsWith("WriteLimitReachedException")) {
                return new ReadFailure(FailureReason.TOO_LARGE, "the " + what + " is over a configured size limit");
            }
            if (t instanceof OutOfMemoryError) {
                return new ReadFailure(FailureReason.TOO_LARGE, "the " + what + " needs more memory than allowed");
            }
            if (t instanceof StackOverflowError) {
                return new ReadFailure(FailureReason.CORRUPT, "the " + what + " is nested too deeply to read");
            }
        }
        return new ReadFailure(FailureReason.CORRUPT, "the " + what + " is damaged or is not what its name says", e);
    }
}
