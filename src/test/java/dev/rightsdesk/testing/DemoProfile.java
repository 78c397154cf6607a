package dev.rightsdesk.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The demo systems and training pipeline on, as in the embedded run: quick replies, the pipeline not on a timer.
 * One profile for every demo test, so Quarkus starts once for all of them. Verification and review stay on, as in
 * production; a test verifies and approves explicitly.
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // crm and newsletter are built-in connectors, served here by the test engine on a real table
        Map<String, String> config = new java.util.HashMap<>(dev.rightsdesk.connector.ConnectorTestProfile.demoConnectors());
        config.putAll(Map.of("rightsdesk.demo.enabled", "true",
                "rightsdesk.demo.reply-delay", "0.2s",
                "rightsdesk.demo.model-registry.remediation-delay", "1s",
                "rightsdesk.demo.training-pipeline.every", "1h",
                "rightsdesk.demo.training-pipeline.corpus-emails", "ada@example.org,demo-forget@example.org"));
        return config;
    }
}
