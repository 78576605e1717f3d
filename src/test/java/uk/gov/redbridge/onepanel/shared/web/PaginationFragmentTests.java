package uk.gov.redbridge.onepanel.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The shared pagination block as the referral log and the exceptions queue render it. */
class PaginationFragmentTests {

    @Test
    void rendersPreviousTheNearbyPagesAndNextWithTheCurrentPageMarked() {
        Document nav = render(Pagination.of(6, 12, n -> "/referrals?page=" + n));

        assertThat(nav.select("nav.govuk-pagination").attr("aria-label")).isEqualTo("Pages of the log");
        assertThat(nav.select("a[rel=prev]").attr("href")).isEqualTo("/referrals?page=5");
        assertThat(nav.select("a[rel=next]").attr("href")).isEqualTo("/referrals?page=7");
        assertThat(nav.select(".govuk-pagination__item a").eachText())
                .containsExactly("1", "4", "5", "6", "7", "8", "12");
        assertThat(nav.select(".govuk-pagination__item--current a").attr("aria-current")).isEqualTo("page");
        assertThat(nav.select(".govuk-pagination__item--current a").text()).isEqualTo("6");
        assertThat(nav.select("a[aria-label=Page 12]")).hasSize(1);
    }

    @Test
    void oneIsNoPagination() {
        assertThat(render(Pagination.of(1, 1, n -> "/exceptions")).select("nav")).isEmpty();
    }

    private static Document render(Pagination pagination) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setCheckExistence(true);
        templates.setOrder(1);
        StringTemplateResolver page = new StringTemplateResolver(); // the page that uses the block, as log.html does
        page.setOrder(2);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(templates);
        engine.addTemplateResolver(page);
        engine.setTemplateEngineMessageSource(messages);
        Context context = new Context(Locale.UK);
        context.setVariable("pagination", pagination);
        context.setVariable("label", "Pages of the log");
        return Jsoup.parse(engine.process(
                "<nav th:replace=\"~{fragments/pagination :: pagination(${pagination}, ${label})}\"></nav>", context));
    }
}
