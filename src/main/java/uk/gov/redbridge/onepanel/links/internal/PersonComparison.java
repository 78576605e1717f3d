package uk.gov.redbridge.onepanel.links.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkKind;
import uk.gov.redbridge.onepanel.links.LinkStrength;
import uk.gov.redbridge.onepanel.links.internal.NameComparison.Level;

/**
 * The matching rules (docs/links.md): whether two people of two referrals are one person, or live at one address,
 * how strongly, and why.
 *
 * <ul>
 *   <li>Same NHS number (both valid): strong; unless both dates of birth are given and differ, then a suggestion.
 *   Two different valid NHS numbers are two people.</li>
 *   <li>Same date of birth and the same name (nicknames, accents, hyphens, names the other way round allowed):
 *   strong. The name spelt differently, or an initial and the same surname: moderate.</li>
 *   <li>No date of birth to compare (one or both missing): the same name and the same home is moderate; the same
 *   name alone is weak, a suggestion, never a link. Two dates of birth that differ: never the same person by name.</li>
 *   <li>Not one person, but the same postcode and house number: same household, moderate.</li>
 * </ul>
 * One person in both referrals' subjects is the same person; a person named in section 3 of either is named as a
 * relative (or other person) there.
 */
public final class PersonComparison {

    public record Match(LinkKind kind, LinkStrength strength, EnumSet<Evidence> evidence) {
    }

    private final NameComparison names;

    public PersonComparison(NameComparison names) {
        this.names = names;
    }

    public Optional<Match> compare(PersonProfile a, PersonProfile b) {
        boolean bothBorn = a.dateOfBirth() != null && b.dateOfBirth() != null;
        boolean sameBirth = bothBorn && a.dateOfBirth().equals(b.dateOfBirth());
        boolean sameHome = a.hasHome() && b.hasHome() && a.postcode().equals(b.postcode())
                && a.premise().equals(b.premise());
        boolean bothNhs = a.nhsNumber() != null && b.nhsNumber() != null;
        boolean sameNhs = bothNhs && a.nhsNumber().equals(b.nhsNumber());
        NameComparison.Result name = names.best(a.names(), b.names());

        EnumSet<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        LinkStrength strength = null;
        if (sameNhs) {
            if (bothBorn && !sameBirth) {
                evidence.add(Evidence.NHS_NUMBER_BUT_DATES_OF_BIRTH_DIFFER);
                strength = LinkStrength.WEAK;
            } else {
                evidence.add(Evidence.NHS_NUMBER);
                strength = LinkStrength.STRONG;
            }
        }
        boolean differentPeople = bothNhs && !sameNhs;
        if (!differentPeople && sameBirth) {
            switch (name.level()) {
                case EXACT -> {
                    evidence.add(Evidence.NAME_AND_DATE_OF_BIRTH);
                    strength = LinkStrength.STRONG;
                }
                case VARIANT -> {
                    evidence.add(Evidence.NAME_SPELT_DIFFERENTLY_AND_DATE_OF_BIRTH);
                    strength = stronger(strength, sameHome ? LinkStrength.STRONG : LinkStrength.MODERATE);
                }
                case INITIAL -> {
                    evidence.add(Evidence.INITIAL_SURNAME_AND_DATE_OF_BIRTH);
                    strength = stronger(strength, LinkStrength.MODERATE);
                }
                case NONE -> {
                }
            }
        } else if (!differentPeople && !bothBorn && name.level() == Level.EXACT) {
            if (sameHome) {
                evidence.add(Evidence.NAME_AND_ADDRESS);
                strength = stronger(strength, LinkStrength.MODERATE);
            } else {
                evidence.add(Evidence.NAME_ONLY);
                strength = stronger(strength, LinkStrength.WEAK);
            }
        }
        if (strength != null) {
            if (sameHome) {
                evidence.add(Evidence.SAME_ADDRESS);
            }
            if (name.level() != Level.NONE && name.nickname()) {
                evidence.add(Evidence.NICKNAME);
            }
            if (name.level() != Level.NONE && name.swapped()) {
                evidence.add(Evidence.NAMES_SWAPPED);
            }
            LinkKind kind = a.isSubject() && b.isSubject() ? LinkKind.SAME_PERSON : LinkKind.NAMED_AS_RELATIVE;
            // a weak person match beside a shared home is at least a household
            if (strength == LinkStrength.WEAK && sameHome) {
                return Optional.of(new Match(LinkKind.SAME_HOUSEHOLD, LinkStrength.MODERATE, evidence));
            }
            return Optional.of(new Match(kind, strength, evidence));
        }
        if (sameHome) {
            return Optional.of(new Match(LinkKind.SAME_HOUSEHOLD, LinkStrength.MODERATE,
                    EnumSet.of(Evidence.SAME_ADDRESS)));
        }
        return Optional.empty();
    }

    private static LinkStrength stronger(LinkStrength current, LinkStrength candidate) {
        if (current == null) {
            return candidate;
        }
        return Objects.requireNonNull(candidate).ordinal() < current.ordinal() ? candidate : current;
    }
}
