package uk.gov.redbridge.onepanel.triage;

import java.util.List;

/**
 * What in a message may tie it to something the service sent.
 *
 * @param ownThreadIds message ids in In-Reply-To and References that the service made (with angle brackets),
 *                     nearest first (In-Reply-To, then References newest to oldest)
 * @param plusTags     the tags of plus-addressed panel recipients, lower case: {@code op-2026-0001-nelft}
 * @param reference    a referral reference found in the subject or a plus tag, as text ({@code OP-2026-0001}), or
 *                     null
 * @param agencyCode   the agency code of a subject token {@code [OP-2026-0001/NELFT]}, upper case, or null
 */
public record ReplyKeys(List<String> ownThreadIds, List<String> plusTags, String reference, String agencyCode) {

    public ReplyKeys {
        ownThreadIds = List.copyOf(ownThreadIds);
        plusTags = List.copyOf(plusTags);
    }
}
