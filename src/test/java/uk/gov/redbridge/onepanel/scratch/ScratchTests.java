package uk.gov.redbridge.onepanel.scratch;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.PageTestData;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScratchTests {
    @Autowired MockMvc mvc;
    @Autowired MailAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ExceptionsQueue queue;

    @Test
    void scratch() throws Exception {
        ExceptionItem item = new PageTestData(accounts, jdbc).exceptionFrom(PageTestData.uniqueSender(), queue);
        MvcResult r = mvc.perform(post("/exceptions/" + item.id() + "/attach").with(user("a").roles("SECRETARIAT")).with(csrf())
                .param("reference", "")).andReturn();
        System.out.println("MODEL: " + r.getModelAndView().getModel().keySet());
        System.out.println("BR: " + r.getModelAndView().getModel().get("org.springframework.validation.BindingResult.attachForm"));
        System.out.println("FORM: " + r.getModelAndView().getModel().get("attachForm"));
    }
}
