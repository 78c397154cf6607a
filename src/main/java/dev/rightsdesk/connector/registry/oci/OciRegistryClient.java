package dev.rightsdesk.connector.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The few calls of the OCI Distribution API a retirement needs, over plain java.net.http. */
final class OciRegistryClient {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A manifest and the digest the registry gave it. */
    record Manifest(String digest, JsonNode body) {
    }

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    OciRegistryClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = user == null || user.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<String> tags(String repository) throws IOException {
        HttpResponse<String> r = send(request("/v2/" + repository + "/tags/list").GET());
        if (r.statusCode() == 404) {
            return List.of();
        }
        expect(r, 200, "tags of " + repository);
        List<String> tags = new ArrayList<>();
        JSON.readTree(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    Manifest manifest(String repository, String reference) throws IOException {
        HttpResponse<String> r = send(request("/v2/" + repository + "/manifests/" + reference)
                .header("Accept", OCI_MANIFEST).GET());
        if (r.statusCode() == 404) {
            return null;
        }
        expect(r, 200, "manifest in " + repository);
        return new Manifest(r.headers().firstValue("Docker-Content-Digest").orElse(null), JSON.readTree(r.body()));
    }

    /** Deletes a manifest by digest (every tag on it goes too); true if it was there. */
    boolean deleteManifest(String repository, String digest) throws IOException {
        HttpResponse<String> r = send(request("/v2/" + repository + "/manifests/" + digest).DELETE());
        if (r.statusCode() == 404) {
            return false;
        }
        expect(r, 202, "delete of a manifest in " + repository);
        return true;
    }

    /** The HTTP status of a GET of the blob: 200 while downloadable, 404 once gone. */
    int blobStatus(String repository, String digest) throws IOException {
        return send(request("/v2/" + repository + "/blobs/" + digest).GET()).statusCode();
    }

    int manifestStatus(String repository, String digest) throws IOException {
        return send(request("/v2/" + repository + "/manifests/" + digest).header("Accept", OCI_MANIFEST).GET())
                .statusCode();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            throw new IOException(what + ": HTTP " + r.statusCode());
        }
    }
}
