package uk.gov.redbridge.onepanel.papers.internal;

/** What became of one document: pages to merge, or a reason it could not be shown. */
sealed interface Conversion permits Conversion.Pages, Conversion.Refused {

    /**
     * @param method {@code pdf}, {@code libreoffice}, {@code text-rendering}, {@code image}, {@code generated}
     */
    record Pages(byte[] pdf, int pages, String method) implements Conversion {
    }

    /** @param reason plain words without personal data: "password protected", "not a kind of file ..." */
    record Refused(String reason) implements Conversion {
    }
}
