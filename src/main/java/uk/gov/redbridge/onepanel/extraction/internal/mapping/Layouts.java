package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FieldKind;
import uk.gov.redbridge.onepanel.extraction.FormLayout;

/**
 * A form mapping's fields as the service shows and prints them: in form order, an answer given in parts as one
 * field a part ({@code involvement.status.subject}, "...: subject"), the fields a value is split into in place of
 * the one it is read as (a full name, a contact line), the printed title where the file gives one.
 */
public final class Layouts {

    private Layouts() {
    }

    public static FormLayout of(FormMapping mapping) {
        FormMapping.Printed printed = mapping.printed();
        List<FormLayout.Section> sections = new ArrayList<>();
        for (MappingSection s : mapping.sections()) {
            List<FormLayout.Field> fields = new ArrayList<>();
            for (FieldSpec f : s.fields()) {
                if (!f.into().isEmpty()) {
                    continue; // read as one answer, kept as the fields it is split into (declared in their own right)
                }
                String full = s.repeats() ? s.key() + "." + f.key() : f.key();
                String label = printed.titles().getOrDefault(full, f.labels().get(0));
                FieldKind kind = kind(printed.typedAs().getOrDefault(full, f.type()));
                if (f.parts()) {
                    for (String part : s.parts().keySet()) {
                        fields.add(new FormLayout.Field(f.key() + "." + part, label + ": " + part, kind,
                                f.required()));
                    }
                } else {
                    fields.add(new FormLayout.Field(f.key(), label, kind, f.required()));
                }
            }
            List<FormLayout.Item> items = s.items().stream().map(i -> new FormLayout.Item(i.role(),
                    printed.titles().getOrDefault(s.key() + "." + i.role(), i.headings().get(0)))).toList();
            sections.add(new FormLayout.Section(s.key(), sections.size() + 1,
                    printed.titles().getOrDefault(s.key(), s.headings().get(0)), s.repeats(), items, fields));
        }
        return new FormLayout(mapping.id(), sections);
    }

    private static FieldKind kind(ValueType type) {
        return switch (type) {
            case DATE -> FieldKind.DATE;
            case NHS_NUMBER -> FieldKind.NHS_NUMBER;
            case AGE -> FieldKind.AGE;
            case LONG_TEXT -> FieldKind.LONG_TEXT;
            case YES_NO -> FieldKind.YES_NO;
            case PHONE -> FieldKind.PHONE;
            case EMAIL -> FieldKind.EMAIL;
            case TEXT, CONTACT, FULL_NAME -> FieldKind.TEXT;
        };
    }
}
