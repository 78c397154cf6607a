package dev.rightsdesk.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.deadline.MemberState;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.intake.rest.StatutoryDeadlineResource;
import dev.rightsdesk.intake.rest.StatutoryDeadlineResponse;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resource's own logic (defaults, parsing, errors), called as a plain object; HTTP is tested elsewhere. */
class StatutoryDeadlineResourceTest {

    private static final Instant NOW = Instant.parse("2026-03-04T23:30:00Z");

    private final StatutoryDeadlineResource resource = new StatutoryDeadlineResource(
            new StatutoryClock(ZoneId.of("Europe/Amsterdam"), MemberState.NL, true),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void answersTheStatutoryDates() {
        StatutoryDeadlineResponse response = resource.deadline("2026-03-27T09:00:00Z", null);

        assertThat(response).isEqualTo(new StatutoryDeadlineResponse(LocalDate.parse("2026-03-27"),
                LocalDate.parse("2026-04-27"), LocalDate.parse("2026-04-28"), LocalDate.parse("2026-06-27"),
                LocalDate.parse("2026-06-29"), MemberState.NL, "Europe/Amsterdam"));
    }

    @Test
    void anotherMemberStateUsesItsHolidays() {
        StatutoryDeadlineResponse response = resource.deadline("2026-03-27T09:00:00Z", "de");

        assertThat(response.memberState()).isEqualTo(MemberState.DE);
        assertThat(response.due()).isEqualTo("2026-04-27");
    }

    @Test
    void withoutReceivedAtTheReceiptIsNow() {
        StatutoryDeadlineResponse response = resource.deadline(null, null);

        assertThat(response.receivedOn()).isEqualTo("2026-03-05");
        assertThat(response.due()).isEqualTo("2026-04-07");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-03-05", "2026-13-05T10:15:30Z", "1500-01-01T00:00:00Z"})
    void aMalformedReceivedAtIsInvalidAndNotEchoed(String receivedAt) {
        assertThatThrownBy(() -> resource.deadline(receivedAt, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("receivedAt");
                    assertThat(e.getMessage()).doesNotContain(receivedAt);
                });
    }

    @Test
    void anUnknownMemberStateIsInvalidAndNotEchoed() {
        assertThatThrownBy(() -> resource.deadline(null, "Atlantis"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).containsExactly(
                            new FieldViolation("memberState", "must be one of NL, BE, DE, FR, IE"));
                    assertThat(e.getMessage()).doesNotContain("Atlantis");
                });
    }
}
