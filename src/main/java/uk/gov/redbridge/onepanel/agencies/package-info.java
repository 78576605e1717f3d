/**
 * The directory of the panel's partner agencies (terms of reference, section 2): for each, the addresses that
 * receive information requests per pathway, the domains its mail may come from and go to, its sector (quorum
 * needs health, children's and adults' social care, community safety and the police) and whether it votes.
 * Seeded from {@code onepanel.agencies.*} and checked at start-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package uk.gov.redbridge.onepanel.agencies;
