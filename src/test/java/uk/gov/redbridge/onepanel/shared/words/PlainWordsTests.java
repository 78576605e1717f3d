package uk.gov.redbridge.onepanel.shared.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;

/**
 * The one place holds words for every constant of a code it knows: a constant added to an enum whose codes people
 * read (a new exception reason, triage verdict, link kind ...) without words fails here, before any page shows it.
 */
class PlainWordsTests {

    @Test
    void everyConstantOfAnEnumWithWordsHasWords() throws Exception {
        Map<String, String> words = PlainWords.all();
        List<String> missing = new ArrayList<>();
        int enumsWithWords = 0;
        for (Class<?> type : projectEnums()) {
            Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
            if (constants.length == 0) {
                continue;
            }
            String prefix = PlainWords.typeOf(constants[0]) + ".";
            if (words.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                continue; // a code people never read (a setting, a state inside a module)
            }
            enumsWithWords++;
            for (Enum<?> c : constants) {
                if (!words.containsKey(prefix + c.name())) {
                    missing.add(prefix + c.name());
                }
            }
        }
        assertThat(missing).as("codes without words in words/*.properties").isEmpty();
        assertThat(enumsWithWords).as("enums with words").isGreaterThan(20);
    }

    @Test
    void everyExceptionReasonSaysWhatUsuallyResolvesIt() {
        for (ExceptionReason reason : ExceptionReason.values()) {
            assertThat(PlainWords.find("ExceptionReason", reason.name() + ".action")).as(reason.name()).isPresent();
        }
    }

    private static List<Class<?>> projectEnums() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        List<Class<?>> out = new ArrayList<>();
        for (BeanDefinition d : scanner.findCandidateComponents("uk.gov.redbridge.onepanel")) {
            Class<?> type = Class.forName(d.getBeanClassName());
            if (type.isEnum() && !type.getName().contains(".testing.") && !type.getName().endsWith("Tests")) {
                out.add(type);
            }
        }
        return out;
    }
}
