package dev.rightsdesk.access.rest;

import dev.rightsdesk.access.AccessPackageService;
import dev.rightsdesk.platform.error.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The download of a granted access package; the link's token is the only key, and it expires. */
@Path(PackageDownloadResource.PATH)
@Tag(name = "Access package")
public class PackageDownloadResource {

    public static final String PATH = "/api/v1/packages";

    private final AccessPackageService packages;

    public PackageDownloadResource(AccessPackageService packages) {
        this.packages = packages;
    }

    @GET
    @Path("{token}")
    @Produces({"application/zip", "application/problem+json"})
    @Operation(summary = "Download the access package (ZIP with report.html and package.json)")
    @APIResponse(responseCode = "200", description = "The package")
    @APIResponse(responseCode = "404", description = "Unknown or expired link")
    public Response download(@PathParam("token") String token) {
        var download = packages.download(token).orElseThrow(() -> ProblemException.notFound("Download"));
        return Response.ok(download.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
