package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;

/**
 * One field the secretariat corrected, or (not {@code changed}) a doubtful field they confirmed as read, with what
 * the machine had read: how extraction quality is measured.
 *
 * @param machineValue      what extraction read (null if it found nothing)
 * @param machineConfidence its confidence, 0 to 1 (null if it found nothing)
 * @param previousValue     the value just before this correction (the machine's, or an earlier correction)
 */
public record FieldCorrection(String key, String mappingId, String machineValue, Double machineConfidence,
        String previousValue, String correctedValue, boolean changed, String correctedBy, Instant correctedAt) {
}
