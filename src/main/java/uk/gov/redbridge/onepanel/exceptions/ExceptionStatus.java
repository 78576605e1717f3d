package uk.gov.redbridge.onepanel.exceptions;

public enum ExceptionStatus {
    OPEN, RESOLVED
}
