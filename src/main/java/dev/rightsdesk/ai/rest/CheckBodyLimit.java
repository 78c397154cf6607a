package dev.rightsdesk.ai.rest;

import dev.rightsdesk.ai.exclusion.ExclusionConfig;
import dev.rightsdesk.platform.error.BodySizeLimit;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets the check endpoint take a full batch (10,000 hashes, about 670 KB) while the rest of the API keeps
 * its 64 KiB limit: runs before {@link BodySizeLimit} and raises the limit for this one route.
 */
@ApplicationScoped
public class CheckBodyLimit {

    private final long maxBytes;

    public CheckBodyLimit(ExclusionConfig config) {
        this.maxBytes = config.maxCheckBodySize();
    }

    void register(@Observes Router router) {
        router.post(TrainingExclusionResource.PATH + "/check").order(BodySizeLimit.ORDER - 1)
                .handler(rc -> {
                    rc.put(BodySizeLimit.OVERRIDE, maxBytes);
                    rc.next();
                });
    }
}
