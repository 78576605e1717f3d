package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormMappingsTests {

    @Test
    void theAppendixEMappingLoadsWithEveryCanonicalSection() {
        FormMappings mappings = FormMappings.load(FormMappings.DEFAULT_LOCATION);
        assertThat(mappings.all()).extracting(FormMapping::id).containsExactly("appendix-e-v1");
        FormMapping m = mappings.all().get(0);
        assertThat(m.sections()).extracting(MappingSection::key)
                .containsExactly("referral", "subject", "persons", "involvement", "referrer", "decision");
        assertThat(m.sections().get(2).repeats()).isTrue();
        assertThat(m.sections().get(3).parts()).containsKeys("subject", "others");
    }

    @Test
    void theCopyBuiltIntoTheJarIsTheSame() {
        assertThat(FormMappings.load(FormMappings.BUILT_IN_LOCATION).all()).extracting(FormMapping::id)
                .containsExactly("appendix-e-v1");
    }

    @Test
    void everyProblemInEveryFileIsListedAtOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken-yaml.yaml"), "id: broken-yaml\nsections: [\n  - key: subject\n");
        Files.writeString(dir.resolve("typos.yaml"), """
                id: typos
                recognition: {min-fields: 3, min-sections: 1, title-phrases: [Form]}
                sections:
                  - key: subject
                    headings: [Subject]
                    feilds: []
                  - key: referrer
                    headings: [Referrer]
                    fields:
                      - {key: referrer.name, type: string, labels: [Name]}
                      - {key: subject.email, type: email, labels: [Email]}
                      - {key: referrer.contact, type: contact, labels: [Contact]}
                """);
        Files.writeString(dir.resolve("twice.yaml"), """
                id: not-the-file-name
                recognition: {min-fields: 0, min-sections: 1, title-phrases: []}
                sections:
                  - key: patients
                    headings: [P]
                    fields:
                      - {key: patients.name, type: text, labels: []}
                      - {key: patients.name, type: text, labels: [Name]}
                """);
        Files.writeString(dir.resolve("fine.yaml"), """
                recognition: {min-fields: 1, min-sections: 1, title-phrases: [Form]}
                sections:
                  - key: subject
                    headings: [Subject]
                    fields:
                      - {key: subject.first_name, type: text, labels: [First name]}
                """);
        assertThatThrownBy(() -> FormMappings.load(dir.toUri().toString()))
                .isInstanceOfSatisfying(InvalidFormMappingsException.class, e -> assertThat(e.problems()).anySatisfy(
                        p -> assertThat(p).startsWith("broken-yaml.yaml: is not valid YAML at line"))
                        .anySatisfy(p -> assertThat(p).contains("typos.yaml").contains("unknown property 'feilds'"))
                        .anySatisfy(p -> assertThat(p).contains("typos.yaml").contains("type 'string' is not one of"))
                        .anySatisfy(p -> assertThat(p).contains("typos.yaml")
                                .contains("'subject.email' key must start with its section 'referrer.'"))
                        .anySatisfy(p -> assertThat(p).contains("typos.yaml")
                                .contains("of type contact needs 'into' with phone and email keys"))
                        .anySatisfy(p -> assertThat(p).contains("twice.yaml")
                                .contains("id 'not-the-file-name' must be the file name"))
                        .anySatisfy(p -> assertThat(p).contains("twice.yaml")
                                .contains("'patients' is not a section of the canonical form"))
                        .anySatisfy(p -> assertThat(p).contains("twice.yaml").contains("declared twice"))
                        .anySatisfy(p -> assertThat(p).contains("twice.yaml").contains("'labels' must not be empty"))
                        .anySatisfy(p -> assertThat(p).contains("twice.yaml")
                                .contains("'min-fields' must be a whole number of at least 1"))
                        .noneSatisfy(p -> assertThat(p).contains("fine.yaml")));
    }

    @Test
    void aFolderWithoutMappingsIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> FormMappings.load(dir.toUri().toString()))
                .isInstanceOf(InvalidFormMappingsException.class).hasMessageContaining("no .yaml files found");
    }
}
