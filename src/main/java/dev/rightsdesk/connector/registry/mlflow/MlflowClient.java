package dev.rightsdesk.connector.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The calls of MLflow's public REST API (2.0) a remediation needs; JSON bodies as the MLflow clients send them. */
final class MlflowClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MlflowClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Every version of a registered model ({@code model-versions/search}, following page tokens). */
    List<JsonNode> versions(String model) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        String page = null;
        do {
            String query = "filter=" + enc("name='" + model.replace("'", "\\'") + "'") + "&max_results=200"
                    + (page == null ? "" : "&page_token=" + enc(page));
            JsonNode r = call("GET", "model-versions/search?" + query, null);
            r.path("model_versions").forEach(out::add);
            page = r.path("next_page_token").asText(null);
        } while (page != null && !page.isEmpty());
        return out;
    }

    /** The dataset inputs of the run that produced a version ({@code runs/get}). */
    JsonNode run(String runId) throws IOException {
        return call("GET", "runs/get?run_id=" + enc(runId), null).path("run");
    }

    /** The version as it is now, or null when deleted. */
    JsonNode version(String model, String version) throws IOException {
        try {
            return call("GET", "model-versions/get?name=" + enc(model) + "&version=" + enc(version), null)
                    .path("model_version");
        } catch (NotFound e) {
            return null;
        }
    }

    void setTag(String model, String version, String key, String value) throws IOException {
        call("POST", "model-versions/set-tag", body().put("name", model).put("version", version).put("key", key)
                .put("value", value));
    }

    void deleteAlias(String model, String alias) throws IOException {
        call("DELETE", "registered-models/alias", body().put("name", model).put("alias", alias));
    }

    void archive(String model, String version) throws IOException {
        call("POST", "model-versions/transition-stage", body().put("name", model).put("version", version)
                .put("stage", "Archived").put("archive_existing_versions", false));
    }

    void delete(String model, String version) throws IOException {
        call("DELETE", "model-versions/delete", body().put("name", model).put("version", version));
    }

    private static ObjectNode body() {
        return JSON.createObjectNode();
    }

    private JsonNode call(String method, String path, ObjectNode body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/2.0/mlflow/" + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() == 404) {
            throw new NotFound(path.replaceAll("\\?.*", ""));
        }
        if (r.statusCode() != 200) {
            // the error body names the MLflow error code; never echo request values
            throw new IOException(path.replaceAll("\\?.*", "") + ": HTTP " + r.statusCode());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** MLflow answers 404 RESOURCE_DOES_NOT_EXIST. */
    static final class NotFound extends IOException {
        NotFound(String what) {
            super(what + ": not found");
        }
    }
}
