package uk.gov.redbridge.onepanel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OnePanelApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        // the allowed dependencies of every package-info.java, among them "mailparsing :: parser" for the two
        // modules that may parse mail
        modules.verify();
    }

    /**
     * Said once more, in so many words, so that it cannot go by a change to a package-info: only the mailbox (which
     * hands every module the parsed message, once) and extraction (the command line's .eml files, its warm-up) parse
     * an email's bytes.
     */
    @Test
    void onlyTheMailboxAndExtractionParseMail() {
        noClasses().that().resideOutsideOfPackages("uk.gov.redbridge.onepanel.mailbox..",
                        "uk.gov.redbridge.onepanel.extraction..", "uk.gov.redbridge.onepanel.mailparsing..")
                .should().dependOnClassesThat().resideInAPackage("uk.gov.redbridge.onepanel.mailparsing.parser..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("uk.gov.redbridge.onepanel"));
    }

    @Test
    void writesModuleDocumentation() {
        // into target/spring-modulith-docs: component diagrams and a canvas per module
        new Documenter(modules).writeDocumentation();
    }
}
