package uk.gov.redbridge.onepanel.exceptions;

public record ExceptionResolved(ExceptionId exceptionId, String resolution, String resolvedBy) {
}
