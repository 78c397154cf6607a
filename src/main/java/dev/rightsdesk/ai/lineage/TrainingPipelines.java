package dev.rightsdesk.ai.lineage;

import dev.rightsdesk.ai.AiConfig;
import dev.rightsdesk.ai.demo.DemoTrainingPipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered training pipelines, by OpenLineage job; only their runs are checked. */
@ApplicationScoped
public class TrainingPipelines {

    /** A registered pipeline. */
    public record Pipeline(String namespace, String name, String description) {
        public String job() {
            return namespace + "/" + name;
        }
    }

    private final Map<String, Pipeline> byJob = new LinkedHashMap<>();

    public TrainingPipelines(AiConfig config, DemoTrainingPipelineConfig demo) {
        config.pipelines().orElse(List.of()).forEach(p ->
                add(new Pipeline(p.namespace().trim(), p.name().trim(), p.description().orElse(null))));
        if (demo.enabled()) {
            add(new Pipeline(demo.namespace(), demo.name(), "Demo recommender trained on the demo training corpus"));
        }
    }

    /** Adds a pipeline at start (the demo pipeline registers itself this way). */
    public synchronized void register(Pipeline pipeline) {
        add(pipeline);
    }

    private void add(Pipeline pipeline) {
        byJob.putIfAbsent(pipeline.job(), pipeline);
    }

    public synchronized Optional<Pipeline> find(String namespace, String name) {
        return Optional.ofNullable(byJob.get(namespace + "/" + name));
    }

    public synchronized List<Pipeline> all() {
        return List.copyOf(byJob.values());
    }
}
