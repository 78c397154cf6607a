package dev.rightsdesk.officer.work;

import java.time.LocalDate;
import java.util.UUID;

/** One model-version remediation a ticket caused (retrain, unlearn, retire, anonymity assessment). */
public record RemediationView(
        UUID id,
        String modelVersion,
        String state,
        LocalDate due,
        String outcome,
        boolean open) {
}
