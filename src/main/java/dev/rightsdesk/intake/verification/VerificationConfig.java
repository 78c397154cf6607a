package dev.rightsdesk.intake.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the e-mail one-time code: {@code rightsdesk.verification.*}. */
@ConfigMapping(prefix = "rightsdesk.verification")
public interface VerificationConfig {

    /** {@code rightsdesk.verification.code-length}: digits per code; at least 6. */
    @WithDefault("6")
    int codeLength();

    /** {@code rightsdesk.verification.code-validity}: how long a code can be used after it was sent. */
    @WithDefault("10m")
    Duration codeValidity();

    /** {@code rightsdesk.verification.max-attempts}: wrong entries after which the code is dead and a new one is needed. */
    @WithDefault("3")
    int maxAttempts();
}
