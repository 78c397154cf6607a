package dev.rightsdesk.fanout;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Every fan-out test: a request submitted through the API is verified and approved at once; demo systems off. */
public class FanoutTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rightsdesk.intake.verification-required", "false",
                "rightsdesk.review.approval-required", "false",
                "rightsdesk.demo.enabled", "false");
    }
}
