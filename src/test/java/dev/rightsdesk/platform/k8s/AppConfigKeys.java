package dev.rightsdesk.platform.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.embedded.EmbeddedSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration keys the application reads, gathered from the code and the libraries themselves (not from a
 * hand-kept list): {@code application.properties}, every {@code @ConfigMapping} interface and {@code @ConfigProperty}
 * in {@code target/classes}, the embedded-engine settings, the run-time properties of the Quarkus extensions on the
 * class path (their {@code quarkus-config-model.json}), and the Kafka client settings the connector passes through
 * from {@code kafka.*}. Answers whether an environment variable name maps to one of them (MicroProfile Config rule:
 * every non-alphanumeric character becomes {@code _}, upper case).
 */
final class AppConfigKeys {

    /** A key pattern ({@code *} stands for a map key) and where it came from. */
    record Key(String pattern, String source, String phase) {
    }

    static final String QUARKUS_EXTENSION = "Quarkus extension";

    private final List<Key> keys = new ArrayList<>();
    private final Map<Pattern, Key> envPatterns = new LinkedHashMap<>();
    private final Set<String> kafkaClientNames;

    AppConfigKeys(Path projectDir) {
        applicationProperties(projectDir.resolve("src/main/resources/application.properties"));
        applicationClasses(projectDir.resolve("target/classes"));
        EmbeddedSettings.KEYS.forEach(k -> add(k, "EmbeddedSettings", "RUN_TIME"));
        quarkusExtensions();
        kafkaClientNames = new java.util.HashSet<>();
        kafkaClientNames.addAll(ProducerConfig.configNames());
        kafkaClientNames.addAll(ConsumerConfig.configNames());
        kafkaClientNames.addAll(AdminClientConfig.configNames());
        for (Key key : keys) {
            envPatterns.put(envPattern(key.pattern()), key);
        }
    }

    List<Key> keys() {
        return Collections.unmodifiableList(keys);
    }

    /** The key an environment variable sets, if the application reads one by that name. */
    Optional<Key> keyFor(String envName) {
        if (envName.startsWith("KAFKA_")) {
            String client = envName.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            if (kafkaClientNames.contains(client)) {
                return Optional.of(new Key("kafka." + client, "Kafka client configuration", "RUN_TIME"));
            }
        }
        // A Quarkus property is what its extension says it is (application.properties also holds build-time ones);
        // among several matches a run-time one wins (a named map entry may shadow a build-time twin).
        Key found = null;
        for (var e : envPatterns.entrySet()) {
            if (!e.getKey().matcher(envName).matches()) {
                continue;
            }
            Key candidate = e.getValue();
            boolean extension = candidate.source().equals(QUARKUS_EXTENSION);
            boolean foundExtension = found != null && found.source().equals(QUARKUS_EXTENSION);
            if (found == null || extension && !foundExtension
                    || extension == foundExtension && "RUN_TIME".equals(candidate.phase())) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** MicroProfile Config's environment variable name of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static Pattern envPattern(String keyPattern) {
        String[] parts = keyPattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(envName(parts[i])));
        }
        return Pattern.compile(regex.toString());
    }

    private void add(String pattern, String source, String phase) {
        keys.add(new Key(pattern, source, phase));
    }

    private void applicationProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : props.stringPropertyNames()) {
            add(name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name, "application.properties", "RUN_TIME");
        }
    }

    private void applicationClasses(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    inspect(Class.forName(name, false, getClass().getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable without Quarkus' generated classes; holds no configuration keys
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void inspect(Class<?> type) {
        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
        if (mapping != null) {
            mappingKeys(type, mapping.prefix(), "@ConfigMapping " + type.getSimpleName());
        }
        for (var field : type.getDeclaredFields()) {
            ConfigProperty p = field.getAnnotation(ConfigProperty.class);
            if (p != null) {
                add(p.name(), "@ConfigProperty " + type.getSimpleName(), "RUN_TIME");
            }
        }
        List<java.lang.reflect.Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (var executable : executables) {
            for (Parameter parameter : executable.getParameters()) {
                ConfigProperty p = parameter.getAnnotation(ConfigProperty.class);
                if (p != null) {
                    add(p.name(), "@ConfigProperty " + type.getSimpleName(), "RUN_TIME");
                }
            }
        }
    }

    private void mappingKeys(Class<?> type, String prefix, String source) {
        for (Method m : type.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.isAnnotationPresent(WithParentName.class) ? ""
                    : m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value() : kebab(m.getName());
            String key = name.isEmpty() ? prefix : prefix + "." + name;
            Type returned = m.getGenericReturnType();
            if (returned instanceof ParameterizedType pt && pt.getRawType() == Optional.class) {
                returned = pt.getActualTypeArguments()[0];
            }
            if (returned instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
                key = key + ".*";
                returned = pt.getActualTypeArguments()[1];
            } else if (returned instanceof ParameterizedType pt && pt.getRawType() == List.class
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element && element.isInterface()
                    && element.getName().startsWith("dev.rightsdesk")) {
                key = key + "[*]";
                returned = element;
            }
            if (returned instanceof Class<?> c && c.isInterface() && c.getName().startsWith("dev.rightsdesk")) {
                mappingKeys(c, key, source);
            } else {
                add(key, source, "RUN_TIME");
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private void quarkusExtensions() {
        ObjectMapper json = new ObjectMapper();
        try {
            var models = getClass().getClassLoader().getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            while (models.hasMoreElements()) {
                URL url = models.nextElement();
                try (InputStream in = url.openStream()) {
                    walk(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void walk(JsonNode node) {
        if (node.isObject() && node.path("@class").asText().endsWith(".ConfigProperty") && node.path("path").has("property")) {
            String phase = node.path("phase").asText("RUN_TIME");
            add(unquoteMapKeys(node.get("path").get("property").asText()), QUARKUS_EXTENSION, phase);
            for (JsonNode extra : node.path("additionalPaths")) {
                add(unquoteMapKeys(extra.path("property").asText()), QUARKUS_EXTENSION, phase);
            }
            return;
        }
        node.forEach(this::walk);
    }

    /** {@code quarkus.datasource."datasource-name".jdbc.url} has a map key where the quotes are. */
    static String unquoteMapKeys(String property) {
        return property.replaceAll("\"[^\"]*\"", "*").replace("[*]", "*");
    }
}
