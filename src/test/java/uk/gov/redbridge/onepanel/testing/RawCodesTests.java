package uk.gov.redbridge.onepanel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check the raw-code walks rely on must itself fail on a code: here for the codes that arrived with the links
 * module, issue 11's exception reasons, sign-in locks and the work picture, and for what it must let through.
 */
class RawCodesTests {

    private final RawCodes codes = new RawCodes(List.of("LBR-ASC", "NEL-ICS"));

    @ParameterizedTest
    @ValueSource(strings = {
            "Reason: STUCK", "Reason: TOO_COMPLEX", "Reason: SEVERAL_PEOPLE", "Reason: LOOP_GUARD",
            "Kind: SAME_PERSON", "State: FOUND", "Evidence: NAME_AND_DATE_OF_BIRTH", "Strength: WEAK",
            "Did: link.confirmed", "Did: sign-in.locked", "Did: sign-in-locks.unlocked", "Did: api.link-rejected",
            "Status: IN_PROGRESS", "Field: subject.first_name", "Mailbox: rsab",
            "Agency: LBR-ASC", "On 2026-03-12", "Oldest waiting 12 s", "Oldest 20 min", "For 2 h 5 min",
            "failed each time (IllegalStateException)"})
    void findsACodeWhereWordsBelong(String text) {
        assertThat(codes.in(text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Reason: The service could not finish this by itself",
            "Reason: Forms about more than one person in one email",
            "Kind: Same person. State: Not yet checked. Evidence: name and date of birth (Strong)",
            "Did: Confirmed a Think Family link", "Locked: User name",
            "Oldest waiting 12 seconds", "Oldest 20 minutes", "For 2 hours 5 minutes",
            "A reply for [OP-2026-0003/LBR-ASC] from duty.desk@nelft.nhs.uk, return.docx, on 12 March 2026",
            "Referral OP-2026-0012 for the NHS and the SAR panel"})
    void letsPlainWordsThrough(String text) {
        assertThat(codes.in(text)).as(text).isEmpty();
    }
}
