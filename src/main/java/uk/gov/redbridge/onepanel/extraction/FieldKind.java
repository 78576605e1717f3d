package uk.gov.redbridge.onepanel.extraction;

/**
 * The kind of value a field of the form holds, as {@code form-mappings/} declares its type (FIELDS.md): what a page
 * offers to type it in and how what is typed is checked. A value read as a contact line or a full name is kept as the
 * fields it is split into, so those two types have no kind.
 */
public enum FieldKind {
    DATE, NHS_NUMBER, AGE, TEXT, LONG_TEXT, YES_NO, PHONE, EMAIL
}
