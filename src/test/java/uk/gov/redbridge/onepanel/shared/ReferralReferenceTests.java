package uk.gov.redbridge.onepanel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferralReferenceTests {

    @Test
    void formatsWithFourDigitsAtLeast() {
        assertThat(new ReferralReference(2026, 7)).hasToString("OP-2026-0007");
        assertThat(new ReferralReference(2026, 12345)).hasToString("OP-2026-12345");
    }

    @Test
    void parsesInAnyCaseAndFindsInText() {
        assertThat(ReferralReference.tryParse(" op-2026-0001 ")).contains(new ReferralReference(2026, 1));
        assertThat(ReferralReference.findIn("RE: [OP-2026-0042/NELFT] Request")).contains(new ReferralReference(2026, 42));
        assertThat(ReferralReference.findIn("rsab+op-2026-0003-nelft@redbridge.gov.uk"))
                .contains(new ReferralReference(2026, 3));
    }

    @Test
    void somethingShapedLikeAReferenceButOutOfRangeIsNone() {
        assertThat(ReferralReference.tryParse("OP-1999-0001")).isEmpty();
        assertThat(ReferralReference.tryParse("OP-2026-0000")).isEmpty();
        assertThat(ReferralReference.findIn("OP-1999-0001 then OP-2026-0005")).contains(new ReferralReference(2026, 5));
        assertThat(ReferralReference.findIn("TOP-2026-0001")).isEmpty();
        assertThat(ReferralReference.findIn(null)).isEmpty();
    }
}
