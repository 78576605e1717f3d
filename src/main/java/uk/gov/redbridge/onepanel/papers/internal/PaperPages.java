package uk.gov.redbridge.onepanel.papers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The pages the service writes itself (cover sheet, contents, agenda, a form read from an email body, a document
 * rendered from its text): Thymeleaf templates in {@code papers/} on the class path, rendered to PDF.
 */
@Component
class PaperPages {

    private final TemplateEngine engine = new SpringTemplateEngine();
    private final HtmlToPdf html;

    PaperPages(HtmlToPdf html) {
        this.html = html;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("papers/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    Conversion.Pages render(String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("fontFamily", html.fontFamily());
        byte[] pdf = html.render(engine.process(template, new Context(Locale.UK, all)));
        return new Conversion.Pages(pdf, pageCount(pdf), "generated");
    }

    static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
