package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Finding 5 of issue 13, the password-guessing throttle: after a few wrong passwords a name is refused with 429 and
 * {@code Retry-After}, even with the right password, on the form and on HTTP Basic alike; a name that does not exist
 * is answered exactly like one that does; one client spraying many names is stopped too. Small limits, own profile.
 */
@QuarkusTest
@TestProfile(SignInThrottleTest.SmallLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rightsdesk.security.sign-in-throttle.per-user", "3",
                    "rightsdesk.security.sign-in-throttle.per-client", "12");
        }
    }

    static void assertThrottled(Response answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(429);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).as(what).isBetween(1L, 900L);
        assertThat(answer.jsonPath().getString("type")).endsWith("/too-many-sign-in-attempts");
        assertThat(answer.headers().getValues("Set-Cookie")).as(what).noneMatch(c -> c.startsWith("rightsdesk-session="));
    }

    @Test
    @Order(1)
    void aNameIsRefusedAfterThreeWrongPasswordsEvenWithTheRightOne() {
        for (int i = 0; i < 3; i++) {
            Response wrong = SignIn.post("auditor", "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.header("Location")).contains("error=true");
        }
        Response right = SignIn.post("auditor", "auditor");
        assertThrottled(right, "the right password while throttled");
        assertThrottled(given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/tickets"), "Basic while throttled");
        // other names are not affected
        assertThat(SignIn.post("officer", "officer").statusCode()).isEqualTo(302);
        assertThat(SignIn.post("officer", "officer").header("Location")).endsWith("/officer");
    }

    @Test
    @Order(2)
    void anUnknownNameIsAnsweredLikeAKnownOne() {
        String ghost = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Response wrong = SignIn.post(ghost, "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.header("Location")).contains("error=true");
        }
        Response ghostAnswer = SignIn.post(ghost, "x");
        assertThrottled(ghostAnswer, "unknown name");
        Response known = SignIn.post("auditor", "x");
        assertThat(ghostAnswer.asString()).isEqualTo(known.asString());
    }

    @Test
    @Order(3)
    void oneClientSprayingManyNamesIsStopped() {
        // 6 wrong passwords so far from this client (tests 1 and 2); 6 more names, one wrong password each
        for (int i = 0; i < 6; i++) {
            SignIn.post("spray-" + i + "-" + UUID.randomUUID(), "password1");
        }
        assertThrottled(SignIn.post("fresh-" + UUID.randomUUID(), "password1"), "a fresh name from the same client");
    }
}
