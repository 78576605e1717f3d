package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.List;

/** One or more form-mappings files cannot be used; the message lists every problem, file by file. */
public class InvalidFormMappingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidFormMappingsException(String location, List<String> problems) {
        super("form mappings at " + location + " cannot be used:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
