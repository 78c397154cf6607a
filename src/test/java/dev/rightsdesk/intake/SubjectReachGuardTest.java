package dev.rightsdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The production start refuses settings that leave subjects without links or mail, and warns about doubtful ones. */
class SubjectReachGuardTest {

    static SubjectReachGuard.Findings check(String url, boolean mock, String host, String from) {
        return SubjectReachGuard.check(URI.create(url), mock, host, from);
    }

    @Test
    void productionSettingsPassQuietly() {
        var f = check("https://privacy.example.com", false, "smtp.example.com", "privacy@example.com");
        assertThat(f.fatal()).isEmpty();
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void aLocalPublicAddressStopsTheStart() {
        for (String url : new String[] {"http://localhost:8080", "https://rightsdesk.localhost", "http://127.0.0.1:8080",
                "http://[::1]:8080", "http://0.0.0.0"}) {
            assertThat(check(url, false, "smtp.example.com", "privacy@example.com").fatal()).as(url)
                    .singleElement().asString().contains("RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL");
        }
        assertThat(check("http://privacy.example.com", false, "smtp.example.com", "privacy@example.com"))
                .satisfies(f -> assertThat(f.fatal()).isEmpty())
                .satisfies(f -> assertThat(f.warnings()).singleElement().asString().contains("not https"));
    }

    @Test
    void theMockMailerStopsTheStartAndDoubtfulMailSettingsWarn() {
        assertThat(check("https://privacy.example.com", true, "smtp.example.com", "privacy@example.com").fatal())
                .singleElement().asString().contains("QUARKUS_MAILER_MOCK=false");
        var f = check("https://privacy.example.com", false, "localhost", "privacy@rightsdesk.localhost");
        assertThat(f.fatal()).isEmpty();
        assertThat(f.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("QUARKUS_MAILER_FROM"));
    }
}
