package uk.gov.redbridge.onepanel.extraction.internal.layout;

/**
 * One paragraph (or one line of a plain-text body).
 *
 * @param text    the paragraph's text; a soft line break inside the paragraph is {@code '\n'}, check boxes are
 *                {@code ☒} (checked) or {@code ☐} (not checked) whatever way the document drew them
 * @param heading the document marks it as a heading (a heading style or outline level), a hint only
 */
public record TextBlock(String text, boolean heading, Origin origin) implements Block {

    public TextBlock {
        text = text == null ? "" : text;
    }

    public boolean blank() {
        return text.isBlank();
    }
}
