package dev.rightsdesk.platform.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every YAML document under {@code k8s/}, parsed (multi-document files included), with the file it came from. */
final class Manifests {

    /** One parsed document. */
    record Doc(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " in " + file;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path root;
    final List<Path> files;
    final List<Doc> docs = new ArrayList<>();

    Manifests(Path root) {
        this.root = root;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .collect(Collectors.toList());
            List<Path> data = dataFiles(root, files);
            for (Path file : files) {
                if (data.contains(file)) {
                    continue;
                }
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    var values = YAML.readValues(parser, JsonNode.class);
                    while (values.hasNext()) {
                        JsonNode node = values.next();
                        if (node != null && !node.isNull() && !node.isMissingNode()) {
                            docs.add(new Doc(root.relativize(file), node));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files a configMapGenerator turns into ConfigMap data: not manifests themselves. */
    final List<Path> dataFiles = new ArrayList<>();

    private List<Path> dataFiles(Path root, List<Path> all) throws IOException {
        for (Path file : all) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                JsonNode k = YAML.readTree(file.toFile());
                for (JsonNode generator : k.path("configMapGenerator")) {
                    generator.path("files").forEach(f -> dataFiles.add(file.getParent().resolve(f.asText().replaceFirst("^.*=", "")).normalize()));
                }
            }
        }
        return dataFiles;
    }

    List<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).collect(Collectors.toList());
    }

    /** The single document of that kind and name under {@code k8s/base}. */
    Doc base(String kind, String name) {
        List<Doc> found = docs.stream()
                .filter(d -> d.file().startsWith("base") && d.kind().equals(kind) && d.name().equals(name))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + "/" + name + " in k8s/base, found " + found.size());
        }
        return found.get(0);
    }

    /** Kustomization documents (Kustomization and Component), by the directory they live in. */
    Map<Path, JsonNode> kustomizations() {
        Map<Path, JsonNode> result = new LinkedHashMap<>();
        for (Doc d : docs) {
            if (d.file().getFileName().toString().equals("kustomization.yaml")) {
                result.put(d.file().getParent() == null ? Path.of("") : d.file().getParent(), d.node());
            }
        }
        return result;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
