package uk.gov.redbridge.onepanel.extraction.internal.layout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A paragraph or a table: what every reader turns a document into. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = TextBlock.class, name = "text"),
        @JsonSubTypes.Type(value = TableBlock.class, name = "table")})
public sealed interface Block permits TextBlock, TableBlock {

    Origin origin();

    /** The block's text: a paragraph's, or a table's cell by cell. */
    String text();

    /** The non-blank texts of blocks, one a line. */
    static String join(java.util.List<? extends Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            String t = b.text();
            if (!t.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
