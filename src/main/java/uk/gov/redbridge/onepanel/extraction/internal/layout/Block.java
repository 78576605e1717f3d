package uk.gov.redbridge.onepanel.extraction.internal.layout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A paragraph or a table: what every reader turns a document into. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = TextBlock.class, name = "text"),
        @JsonSubTypes.Type(value = TableBlock.class, name = "table")})
public sealed interface Block permits TextBlock, TableBlock {

    Origin origin();
}
