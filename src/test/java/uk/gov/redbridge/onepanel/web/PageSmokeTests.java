package uk.gov.redbridge.onepanel.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.testing.PageTestData;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PageSmokeTests {

    @Autowired MockMvc mvc;
    @Autowired MailAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ExceptionsQueue queue;
    @Autowired ReferralLog referrals;

    @Test
    void pagesRender() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        String ref = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Testcase");
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        Referral doubtful = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);
        var u = user("secretariat").roles("SECRETARIAT");
        for (String path : new String[] {"/", "/referrals", "/referrals/" + ref, "/referrals/" + ref + "/review",
                "/referrals/" + doubtful.reference() + "/review", "/referrals/" + doubtful.reference(),
                "/exceptions", "/exceptions/" + item.id(), "/exceptions?show=resolved",
                "/referrals/" + ref + "/audit", "/referrals/export.csv", "/referrals/export.xlsx"}) {
            var r = mvc.perform(get(path).with(u)).andReturn();
            System.out.println("SMOKE " + path + " -> " + r.getResponse().getStatus()
                    + (r.getResolvedException() != null ? " " + r.getResolvedException() : ""));
            if (r.getResponse().getStatus() != 200) {
                System.out.println(r.getResponse().getContentAsString());
            }
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
