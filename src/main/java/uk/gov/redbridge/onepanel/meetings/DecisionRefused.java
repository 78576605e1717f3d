package uk.gov.redbridge.onepanel.meetings;

import java.util.List;

/**
 * The panel's recommendation as given cannot be recorded: each problem says which part of it and what is wrong, so
 * a page can show one message beside each field.
 */
public class DecisionRefused extends IllegalArgumentException {

    /** One problem: the part of the recommendation ({@link #RECOMMENDATIONS}, ...) and what is wrong, in words. */
    public record Problem(String part, String message) {
    }

    public static final String RECOMMENDATIONS = "recommendations";
    public static final String LEAD_PROCESS = "leadProcess";
    public static final String SAR_BASIS = "sarBasis";
    public static final String REASONS = "reasons";
    public static final String ACTIONS = "actions";
    public static final String DISSENT = "dissenting";
    public static final String DISSENT_NOTE = "dissentNote";

    private final transient List<Problem> problems;

    public DecisionRefused(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
