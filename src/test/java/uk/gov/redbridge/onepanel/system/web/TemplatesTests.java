package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the strict CSP (script-src 'self', style-src 'self') and escaping demand of every template: no inline style,
 * no inline script, no unescaped output.
 */
class TemplatesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=");
    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>");
    static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"");

    @Test
    void noTemplateHasInlineStylesScriptsOrUnescapedText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                if (INLINE_STYLE.matcher(html).find()) {
                    problems.add(file + ": inline style");
                }
                if (INLINE_SCRIPT.matcher(html).find()) {
                    problems.add(file + ": inline script");
                }
                if (HANDLER.matcher(html).find()) {
                    problems.add(file + ": inline event handler");
                }
                if (html.contains("th:utext")) {
                    problems.add(file + ": unescaped text");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Issue 13, point 9: a due date typed 01/03/2027 was saved as 3 January 2027 by an en-US browser's own date
     * picker. Every date is typed in the GOV.UK date input (day, month, year), every time as text: no template asks
     * the browser for one, and every form that posts a date names its three boxes.
     */
    @Test
    void noTemplateUsesTheBrowsersDateOrTimePicker() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern picker = Pattern.compile("type\\s*=\\s*\"(?:date|time|datetime-local|month|week)\"");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                if (picker.matcher(Files.readString(file)).find()) {
                    problems.add(file + ": the browser's own date or time picker");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
