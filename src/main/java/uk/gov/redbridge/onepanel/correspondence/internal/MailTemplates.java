package uk.gov.redbridge.onepanel.correspondence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the mail wording the secretariat keeps in {@code mail-templates/}: for a template {@code name}, the files
 * {@code name.subject.txt} (one line), {@code name.txt} (plain text body) and optionally {@code name.html} (HTML
 * body), all Thymeleaf (text mode: {@code [[${reference}]]}). Edits are picked up without a restart after the
 * cache time. The folder is checked at start-up and every problem is listed.
 */
@Component
class MailTemplates {

    private static final Logger log = LoggerFactory.getLogger(MailTemplates.class);
    private static final String CLASSPATH_FOLDER = "mail-templates/";

    private final TemplateEngine textEngine = new SpringTemplateEngine();
    private final TemplateEngine htmlEngine = new SpringTemplateEngine();
    private final Set<String> names;
    private final Set<String> htmlNames;

    record Rendered(String subject, String text, String html) {
    }

    MailTemplates(CorrespondenceSettings settings) throws IOException {
        Path folder = Path.of(settings.templatesLocation());
        boolean onDisk = Files.isDirectory(folder);
        textEngine.setTemplateResolver(resolver(onDisk, folder, TemplateMode.TEXT, settings));
        htmlEngine.setTemplateResolver(resolver(onDisk, folder, TemplateMode.HTML, settings));
        List<String> files = onDisk ? listFolder(folder) : listClasspath();
        this.names = namesWithSuffix(files, ".subject.txt");
        this.htmlNames = namesWithSuffix(files, ".html");
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!files.contains(name + ".txt")) {
                problems.add(name + ".txt is missing (every template needs a plain-text body)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("mail templates in " + (onDisk ? folder.toAbsolutePath() : "the jar")
                    + " have problems: " + String.join("; ", problems));
        }
        log.info("Mail templates from {}: {}", onDisk ? folder.toAbsolutePath() : "the packaged copy", names);
        warmUpInTheBackground();
    }

    /**
     * Renders the acknowledgements once, with no data and nothing sent, on a thread of its own while the service
     * starts: Thymeleaf's engines, its expression classes and these parsed templates are then ready before the first
     * referral needs its acknowledgement (issue 14: cold, that first rendering took seconds on a loaded machine).
     * Only the acknowledgements: they are what a referrer waits for after a restart, and they render without data
     * (other templates would fail, and Thymeleaf logs such failures as errors).
     */
    private void warmUpInTheBackground() {
        Thread warmUp = new Thread(() -> {
            for (String name : names) {
                if (!name.startsWith("acknowledgement")) {
                    continue;
                }
                try {
                    render(name, Map.of());
                } catch (RuntimeException e) {
                    log.trace("Warm-up of mail template {}: {}", name, e.getClass().getSimpleName());
                }
            }
        }, "mail-templates-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    boolean exists(String name) {
        return names.contains(name);
    }

    Rendered render(String name, Map<String, Object> model) {
        if (!exists(name)) {
            throw new IllegalArgumentException("no mail template '" + name + "' (need " + name + ".subject.txt and "
                    + name + ".txt in mail-templates/)");
        }
        Context context = new Context(Locale.UK, model);
        String subject = textEngine.process(name + ".subject.txt", context).replaceAll("\\s+", " ").trim();
        String text = textEngine.process(name + ".txt", context);
        String html = htmlNames.contains(name) ? htmlEngine.process(name + ".html", context) : null;
        return new Rendered(subject, text, html);
    }

    private static AbstractConfigurableTemplateResolver resolver(boolean onDisk, Path folder, TemplateMode mode,
            CorrespondenceSettings settings) {
        AbstractConfigurableTemplateResolver resolver = onDisk ? new FileTemplateResolver()
                : new ClassLoaderTemplateResolver();
        resolver.setPrefix(onDisk ? folder.toAbsolutePath() + "/" : CLASSPATH_FOLDER);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCacheTTLMs(settings.templateCacheTtl().toMillis());
        return resolver;
    }

    private static List<String> listFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> listClasspath() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + CLASSPATH_FOLDER + "*");
        List<String> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r.getFilename() != null) {
                out.add(r.getFilename());
            }
        }
        return out;
    }

    private static Set<String> namesWithSuffix(List<String> files, String suffix) {
        Set<String> out = new TreeSet<>();
        for (String f : files) {
            if (f.endsWith(suffix)) {
                out.add(f.substring(0, f.length() - suffix.length()));
            }
        }
        return out;
    }
}
