/**
 * Who saw or changed what, when, and from where: an append-only log of ids and references, never personal data.
 * Views, downloads and every request that acts on a referral, an exception or a document are recorded as they
 * happen (routes name their audit action in their mapping); changes are also recorded from the modules' events,
 * so a change made by the service itself, or through the API, is there too. The secretariat reads it per case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "referrals", "exceptions",
        "mailbox"})
package uk.gov.redbridge.onepanel.audit;
