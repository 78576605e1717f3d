package uk.gov.redbridge.onepanel.agencies.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.shared.words.WordSource;

/** Agencies by the name the directory gives them, never by their code. */
@Component
class AgencyWords implements WordSource {

    private final AgencyDirectory directory;

    AgencyWords(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return "agency";
    }

    @Override
    public Optional<String> words(String code) {
        return directory.byCode(code).map(Agency::name);
    }
}
