package uk.gov.redbridge.onepanel.papers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a re-issued pack tells the members changed: references, agency codes and counts, never file names. */
class ManifestsTests {

    private static final String BEFORE = String.join("\n",
            "ITEM\tOP-2026-0001\tOP-2026-0001: Adults",
            "FORM\tOP-2026-0001\taaa",
            "RETURN\tOP-2026-0001\tMPS\tESCALATED",
            "RETURN\tOP-2026-0001\tNELFT\tRETURNED",
            "DOC\tOP-2026-0001\tNELFT\td1");

    @Test
    void nothingChangedSaysNothing() {
        assertThat(Manifests.changes(BEFORE, BEFORE)).isEmpty();
    }

    @Test
    void aLateReturnWithDocumentsAndAnUpdatedFormAndANewItemAreEachSaid() {
        String after = String.join("\n",
                "ITEM\tOP-2026-0001\tOP-2026-0001: Adults",
                "ITEM\tOP-2026-0002\tOP-2026-0002: Children",
                "FORM\tOP-2026-0001\tbbb",
                "RETURN\tOP-2026-0001\tMPS\tRETURNED",
                "DOC\tOP-2026-0001\tMPS\td2",
                "DOC\tOP-2026-0001\tMPS\td3",
                "RETURN\tOP-2026-0001\tNELFT\tRETURNED",
                "DOC\tOP-2026-0001\tNELFT\td1",
                "FORM\tOP-2026-0002\tccc",
                "RETURN\tOP-2026-0002\tNELFT\tSENT");
        assertThat(Manifests.changes(BEFORE, after)).containsExactly(
                "Item added to the agenda: OP-2026-0002: Children",
                "OP-2026-0001: return from MPS now returned (was overdue, escalated)",
                "OP-2026-0001: 2 documents added to the return from MPS",
                "OP-2026-0001: the referral form as held was updated");
    }

    @Test
    void anItemTakenOffIsSaid() {
        assertThat(Manifests.changes(BEFORE, "")).containsExactly(
                "Item taken off the agenda: OP-2026-0001: Adults");
    }
}
