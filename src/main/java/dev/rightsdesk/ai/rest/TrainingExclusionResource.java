package dev.rightsdesk.ai.rest;

import dev.rightsdesk.ai.exclusion.ExclusionSnapshots;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshots.CheckResult;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshots.SnapshotView;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What training pipelines read: the current snapshot of the exclusion list, a historic one, and a batch
 * check. Open to any caller: the answers carry only keyed hashes and ticket-free counts, and without the
 * HMAC secret no one can compute the hash of a person (docs/ai-rights.md, "Who may call").
 */
@Path(TrainingExclusionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Training exclusions", description = "The list of subjects excluded from AI training, for pipelines")
public class TrainingExclusionResource {

    public static final String PATH = "/api/v1/training-exclusions";

    private final ExclusionSnapshots snapshots;

    public TrainingExclusionResource(ExclusionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Body of a check: up to 10,000 hashes, optionally pinned to a snapshot version. */
    public record CheckRequest(List<String> hashes, Long snapshotVersion) {
    }

    @GET
    @Path("snapshot")
    @Operation(summary = "The current snapshot: version, digest of the active hashes, count, when it was generated")
    @APIResponse(responseCode = "200", description = "The current snapshot")
    public SnapshotView current() {
        return snapshots.current();
    }

    @GET
    @Path("snapshot/{version}")
    @Operation(summary = "A historic snapshot version, to verify the digest a run applied")
    @APIResponse(responseCode = "200", description = "That snapshot")
    @APIResponse(responseCode = "404", description = "No such version")
    public SnapshotView at(@PathParam("version") String version) {
        long v;
        try {
            v = Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Snapshot version");
        }
        return snapshots.at(v).orElseThrow(() -> ProblemException.notFound("Snapshot version"));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which of these hashes are excluded (at the given snapshot version, or the current one)")
    @APIResponse(responseCode = "200", description = "The excluded hashes among those checked, and the version answered")
    @APIResponse(responseCode = "400", description = "No hashes, too many, or one that is not 64 hex digits")
    @APIResponse(responseCode = "422", description = "Unknown snapshot version")
    public CheckResult check(CheckRequest request) {
        if (request == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        return snapshots.check(request.hashes(), request.snapshotVersion());
    }
}
