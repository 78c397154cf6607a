package dev.rightsdesk.connector.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Model versions held as OCI artifacts (CNCF ModelPack): a repository per model, a tag per version, the training
 * datasets in a manifest annotation. Answers the versions trained on a dataset with personal data; with the policy
 * {@code RETIRE} deletes their manifests, runs garbage collection and reports a version RETIRED only once its
 * manifest and its own blobs (weights, config) answer 404.
 */
public final class OciConnector implements DataStoreConnector {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One model version found in the registry. */
    record Version(String repository, String model, String tag, String digest, List<String> datasets,
                   Set<String> blobs) {
    }

    private final OciSettings settings;
    private final OciRegistryClient client;

    OciConnector(OciSettings settings) {
        this.settings = settings;
        this.client = new OciRegistryClient(settings.registry(), settings.user(), settings.password());
    }

    @Override
    public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
        try {
            List<Version> all = versions();
            List<Version> affected = all.stream().filter(v -> v.datasets().stream()
                    .anyMatch(d -> settings.personalDatasets().contains(d.substring(0, Math.max(0, d.indexOf('@')))))).toList();
            ObjectNode ev = JSON.objectNode().put("registry", settings.registry().getAuthority())
                    .put("versionsScanned", all.size());
            if (affected.isEmpty()) {
                return ConnectorResult.notFound("no model version trained on a dataset with personal data", ev);
            }
            ArrayNode modelVersions = modelVersions(affected);
            ConnectorResult reported = ConnectorResult.completed(affected.size()
                    + " model versions trained on datasets with personal data", ev).withModelVersions(modelVersions);
            boolean retire = (command.action() == Action.ERASURE && settings.retireOnErasure())
                    || (command.action() == Action.OBJECTION && settings.retireOnObjection());
            if (!retire || command.dryRun()) {
                return reported;
            }
            // the versions first, so Rightsdesk opens their remediations; the retirement follows
            progress.interim(reported);
            return retire(affected, all, ev, modelVersions);
        } catch (IOException e) {
            throw new ConnectorFailure("registry " + settings.registry().getAuthority() + ": " + e.getMessage(), true, e);
        }
    }

    private ConnectorResult retire(List<Version> affected, List<Version> all, ObjectNode ev, ArrayNode modelVersions)
            throws IOException, ConnectorFailure {
        for (Version v : affected) {
            client.deleteManifest(v.repository(), v.digest());
        }
        ev.put("garbageCollection", garbageCollect());
        // a blob another kept version still uses stays, rightly; only the retired versions' own blobs must go
        Set<String> kept = new LinkedHashSet<>();
        all.stream().filter(v -> !affected.contains(v)).forEach(v -> kept.addAll(v.blobs()));
        ArrayNode remediations = JSON.arrayNode();
        ArrayNode checks = ev.putArray("retired");
        List<String> stillThere = new ArrayList<>();
        for (Version v : affected) {
            ObjectNode check = checks.addObject().put("model", v.model()).put("version", v.tag())
                    .put("manifest", v.digest()).put("manifestStatus", client.manifestStatus(v.repository(), v.digest()));
            ArrayNode blobs = check.putArray("blobs");
            boolean gone = check.path("manifestStatus").asInt() == 404;
            for (String blob : v.blobs()) {
                int status = kept.contains(blob) ? -1 : client.blobStatus(v.repository(), blob);
                blobs.addObject().put("digest", blob).put("status", status == -1 ? "shared, kept" : String.valueOf(status));
                gone &= status == -1 || status == 404;
            }
            if (!gone) {
                stillThere.add(v.model() + ":" + v.tag());
                continue;
            }
            List<String> own = v.blobs().stream().filter(b -> !kept.contains(b)).toList();
            ObjectNode r = remediations.addObject().put("model", v.model()).put("version", v.tag()).put("state", "RETIRED");
            r.putObject("evidence")
                    .put("reference", settings.registry().getAuthority() + "/" + v.repository() + "@" + v.digest())
                    .put("note", "manifest deleted and garbage-collected; HTTP 404 for the manifest and its blobs "
                            + String.join(", ", own));
        }
        if (!stillThere.isEmpty()) {
            return new ConnectorResult(ConnectorResult.Outcome.PARTIAL, remediations.size() + " of " + affected.size()
                    + " model versions retired", null, false, "still downloadable after garbage collection: "
                    + String.join(", ", stillThere), ev, null, modelVersions, remediations);
        }
        return ConnectorResult.completed(affected.size() + " model versions retired", ev)
                .withModelVersions(modelVersions).withRemediations(remediations);
    }

    private String garbageCollect() throws ConnectorFailure {
        if (settings.garbageCollect().isEmpty()) {
            return "not configured";
        }
        try {
            Process p = new ProcessBuilder(settings.garbageCollect()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ConnectorFailure("garbage collection did not finish in 10 minutes", true);
            }
            if (p.exitValue() != 0) {
                throw new ConnectorFailure("garbage collection exited with " + p.exitValue(), true);
            }
            return "exit 0";
        } catch (IOException e) {
            throw new ConnectorFailure("garbage collection could not start: " + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorFailure("garbage collection interrupted", true, e);
        }
    }

    List<Version> versions() throws IOException {
        List<Version> out = new ArrayList<>();
        for (String repo : settings.repositories()) {
            for (String tag : client.tags(repo)) {
                OciRegistryClient.Manifest m = client.manifest(repo, tag);
                if (m == null) {
                    continue;
                }
                JsonNode body = m.body();
                String lineage = body.path("annotations").path(settings.lineageAnnotation()).asText("");
                List<String> datasets = Arrays.stream(lineage.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                Set<String> blobs = new LinkedHashSet<>();
                if (body.path("config").has("digest")) {
                    blobs.add(body.path("config").path("digest").asText());
                }
                body.path("layers").forEach(l -> blobs.add(l.path("digest").asText()));
                String model = body.path("annotations").path("org.opencontainers.image.title")
                        .asText(repo.substring(repo.lastIndexOf('/') + 1));
                out.add(new Version(repo, model, tag, m.digest(), datasets, blobs));
            }
        }
        return out;
    }

    private static ArrayNode modelVersions(List<Version> versions) {
        ArrayNode out = JSON.arrayNode();
        for (Version v : versions) {
            ArrayNode ds = out.addObject().put("name", v.model()).put("version", v.tag()).putArray("trainingDatasetVersions");
            v.datasets().forEach(ds::add);
        }
        return out;
    }
}
