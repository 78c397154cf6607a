package dev.rightsdesk.connector.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SMALL stub of MLflow's documented REST API 2.0 (mlflow.org/docs/latest/rest-api.html), only the endpoints the
 * mlflow engine calls, with the request and response fields that reference names. MLflow itself cannot run here
 * (no PyPI); this is not a test of MLflow, only of our use of its contract.
 */
final class MlflowRestStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, ObjectNode> versions = new LinkedHashMap<>();
    final Map<String, ObjectNode> runs = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final HttpServer server;

    MlflowRestStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/2.0/mlflow/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void version(String name, String version, String runId, String... aliases) {
        ObjectNode v = JSON.createObjectNode().put("name", name).put("version", version).put("run_id", runId)
                .put("current_stage", "Production");
        var a = v.putArray("aliases");
        for (String alias : aliases) {
            a.add(alias);
        }
        v.putArray("tags");
        versions.put(name + "/" + version, v);
    }

    void run(String runId, String dataset, String digest) {
        ObjectNode run = JSON.createObjectNode();
        run.putObject("inputs").putArray("dataset_inputs").addObject().putObject("dataset")
                .put("name", dataset).put("digest", digest).put("source_type", "iceberg");
        runs.put(runId, run);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/api/2.0/mlflow/".length());
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        byte[] in = ex.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
        calls.add(ex.getRequestMethod() + " " + path);
        String key = body.path("name").asText() + "/" + body.path("version").asText();
        ObjectNode out = JSON.createObjectNode();
        switch (ex.getRequestMethod() + " " + path) {
            case "GET model-versions/search" -> {
                String name = q.get("filter").replaceAll("^name='(.*)'$", "$1");
                var list = out.putArray("model_versions");
                versions.values().stream().filter(v -> v.path("name").asText().equals(name)).forEach(list::add);
            }
            case "GET runs/get" -> out.set("run", runs.get(q.get("run_id")));
            case "GET model-versions/get" -> {
                ObjectNode v = versions.get(q.get("name") + "/" + q.get("version"));
                if (v == null) {
                    reply(ex, 404, JSON.createObjectNode().put("error_code", "RESOURCE_DOES_NOT_EXIST"));
                    return;
                }
                out.set("model_version", v);
            }
            case "POST model-versions/set-tag" -> ((com.fasterxml.jackson.databind.node.ArrayNode) versions.get(key)
                    .get("tags")).addObject().put("key", body.path("key").asText()).put("value", body.path("value").asText());
            case "DELETE registered-models/alias" -> versions.values().stream()
                    .filter(v -> v.path("name").asText().equals(body.path("name").asText()))
                    .forEach(v -> {
                        var kept = JSON.createArrayNode();
                        v.path("aliases").forEach(a -> {
                            if (!a.asText().equals(body.path("alias").asText())) {
                                kept.add(a);
                            }
                        });
                        v.set("aliases", kept);
                    });
            case "POST model-versions/transition-stage" -> {
                versions.get(key).put("current_stage", body.path("stage").asText());
                out.set("model_version", versions.get(key));
            }
            case "DELETE model-versions/delete" -> versions.remove(key);
            default -> {
                reply(ex, 404, JSON.createObjectNode().put("error_code", "ENDPOINT_NOT_FOUND"));
                return;
            }
        }
        reply(ex, 200, out);
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int i = part.indexOf('=');
                out.put(URLDecoder.decode(part.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
