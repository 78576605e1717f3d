/**
 * Think Family: finds the referrals that share people, across pathways and years. When a referral is logged or its
 * form changes, every person it names (the subject and persons 3a, 3b, 3c ...) is compared with the people of every
 * earlier referral through indexed blocking keys (NHS number; name and date of birth; name; postcode and house
 * number), and each pair that agrees strongly enough becomes a link with a kind, a strength and its evidence. The
 * secretariat confirms or rejects links; a rejected link does not come back for the same evidence. The rules are in
 * {@code docs/links.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "referrals", "extraction", "audit"})
package uk.gov.redbridge.onepanel.links;
