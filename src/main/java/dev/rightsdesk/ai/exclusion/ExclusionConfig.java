package dev.rightsdesk.ai.exclusion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** The training-exclusion list: its HMAC secret, normalisation and topic. */
@ConfigMapping(prefix = "rightsdesk.training-exclusions")
public interface ExclusionConfig {

    /**
     * HMAC-SHA256 key (Base64, at least 32 bytes) under which subject identifiers are hashed. A deployment
     * secret shared with the training pipelines; changing it makes every published hash unmatchable.
     */
    String hmacKey();

    /**
     * Identifier types whose values are lower-cased (after trimming) before hashing; all other types are
     * only trimmed. {@code email} is always lower-cased.
     */
    @WithDefault("email")
    Set<String> lowerCaseTypes();

    /** Most hashes one {@code POST /api/v1/training-exclusions/check} may carry. */
    @WithDefault("10000")
    int maxCheckBatch();

    /** Largest body (bytes) the check endpoint accepts; the rest of the API keeps its 64 KiB limit. */
    @WithDefault("1048576")
    long maxCheckBodySize();

    /** Topic settings. */
    Topic topic();

    interface Topic {
        /**
         * Whether Rightsdesk creates {@code dsr.training-exclusions} as a compacted topic at start when it
         * is missing. Turn off where topics are managed elsewhere (they must then be compacted).
         */
        @WithDefault("true")
        boolean create();

        /** Partitions of the topic when Rightsdesk creates it. */
        @WithDefault("3")
        int partitions();

        /** Replication factor when Rightsdesk creates it; -1 takes the broker's default. */
        @WithDefault("-1")
        short replicationFactor();
    }
}
