package dev.rightsdesk.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How personal fields travel over Kafka (ADR 0006, docs/events.md "Encrypted personal fields"). */
@ConfigMapping(prefix = "rightsdesk.kafka")
public interface PersonalDataEncryption {

    /** The three modes of {@link #personalDataEncryption()}. */
    enum Mode {
        /** Commands in the clear, results accepted either way: only a bridge while connectors learn to decrypt. */
        OFF,
        /** Commands encrypted; results accepted encrypted or in the clear (migration period). */
        OPTIONAL,
        /** Commands encrypted; a result with a personal field in the clear goes to the dead-letter topic. */
        REQUIRED
    }

    /**
     * {@code optional} (default): Rightsdesk encrypts the personal fields of every task command and accepts results
     * with {@code answer}, {@code chunk.data} and {@code reason} either encrypted or in the clear. {@code required}:
     * a result with one of those in the clear is rejected. {@code off}: commands in the clear too.
     */
    @WithDefault("optional")
    Mode personalDataEncryption();
}
