package uk.gov.redbridge.onepanel.papers.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param libreoffice        the LibreOffice command ({@code soffice}, or a full path); used when it can be found,
 *                           else Word and other office documents are rendered from their text and tables; blank
 *                           turns it off
 * @param libreofficeTimeout how long one conversion by LibreOffice may take before it is stopped
 * @param conversionTimeout  how long reading or rendering one document in the service may take
 * @param maxDocumentSize    a bigger document is not converted (listed on the cover; attached if below
 *                           {@code maxAttachedSize})
 * @param maxAttachedSize    a document that could not be converted is attached to the PDF as it is up to this size
 * @param maxPages           a PDF with more pages is not merged (listed on the cover, attached as it is)
 * @param maxTextCharacters  the text read from one office document is cut here (the cut is said on the page)
 * @param maxImagePixels     a bigger image (width × height) is not decoded
 * @param attachBelow        a pack smaller than this goes to members as an attachment; a bigger one as a link to
 *                           the secured download page
 * @param font               a TrueType font for the pages the service writes (names in any script); the PDF
 *                           standard fonts when it is absent
 */
@ConfigurationProperties("onepanel.papers")
record PapersSettings(
        @DefaultValue("soffice") String libreoffice,
        @DefaultValue("PT120S") Duration libreofficeTimeout,
        @DefaultValue("PT60S") Duration conversionTimeout,
        @DefaultValue("50MB") DataSize maxDocumentSize,
        @DefaultValue("25MB") DataSize maxAttachedSize,
        @DefaultValue("1000") int maxPages,
        @DefaultValue("2000000") int maxTextCharacters,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue("10MB") DataSize attachBelow,
        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") String font) {

    PapersSettings {
        List<String> problems = new ArrayList<>();
        if (libreofficeTimeout == null || libreofficeTimeout.isNegative() || libreofficeTimeout.isZero()) {
            problems.add("libreoffice-timeout must be positive");
        }
        if (conversionTimeout == null || conversionTimeout.isNegative() || conversionTimeout.isZero()) {
            problems.add("conversion-timeout must be positive");
        }
        if (maxPages < 1) {
            problems.add("max-pages must be at least 1");
        }
        if (maxTextCharacters < 1000) {
            problems.add("max-text-characters must be at least 1000");
        }
        if (maxImagePixels < 1) {
            problems.add("max-image-pixels must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("onepanel.papers has problems: " + String.join("; ", problems));
        }
        libreoffice = libreoffice == null ? "" : libreoffice.trim();
    }
}
