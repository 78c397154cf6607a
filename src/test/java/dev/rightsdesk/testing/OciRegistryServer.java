package dev.rightsdesk.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (CNCF distribution) on a free loopback port, deletes
 * enabled, storage in a temp folder, no blob-descriptor cache (a cache would answer for a collected blob).
 * Pushes artifacts with plain HTTP. Tests skip when the package is not installed ({@link #available()}).
 */
public final class OciRegistryServer implements AutoCloseable {

    public static final String BINARY = "/usr/bin/docker-registry";

    private final Path config;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public OciRegistryServer() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rightsdesk-registry-");
        port = EmbeddedEnginesTestResource.freePort();
        config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("data"), port));
        process = new ProcessBuilder(BINARY, "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(url("/v2/")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                close();
                throw new IOException("docker-registry did not start; see " + dir.resolve("registry.log"));
            }
            Thread.sleep(200);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The garbage-collection command for this registry's configuration. */
    public List<String> garbageCollectCommand() {
        return List.of(BINARY, "garbage-collect", "--delete-untagged", config.toString());
    }

    /** Uploads a blob (monolithic upload) and returns its digest. */
    public String pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
        String digest = digest(content);
        HttpResponse<Void> start = http.send(HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (start.statusCode() != 202) {
            throw new IOException("upload start: HTTP " + start.statusCode());
        }
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create(baseUrl()).resolve(location);
        String sep = upload.toString().contains("?") ? "&" : "?";
        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() != 201) {
            throw new IOException("upload: HTTP " + put.statusCode());
        }
        return digest;
    }

    /** Puts a manifest under a tag and returns its digest. */
    public String pushManifest(String repository, String tag, String manifest) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("manifest: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    public int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
