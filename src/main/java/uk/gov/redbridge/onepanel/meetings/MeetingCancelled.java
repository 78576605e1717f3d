package uk.gov.redbridge.onepanel.meetings;

public record MeetingCancelled(MeetingId meetingId) {
}
