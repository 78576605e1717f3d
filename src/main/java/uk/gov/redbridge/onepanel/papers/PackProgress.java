package uk.gov.redbridge.onepanel.papers;

/** Told as a pack is built: how many of its referrals' papers are collated so far, of how many. */
@FunctionalInterface
public interface PackProgress {

    PackProgress NONE = (done, total) -> {
    };

    void collated(int done, int total);
}
