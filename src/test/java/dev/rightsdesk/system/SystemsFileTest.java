package dev.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.ticket.RequestType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemsFileTest {

    static final String GOOD = """
            systems:
              - key: crm
                displayName: Customer database
                kind: DATABASE
                requestTypes: [ACCESS, ERASURE]
                identityTypes: [email, customerId]
                dataCategories: [contact details]
                purposes: [customer-service]
                retention: 7 years
                replyDeadline: P5D
              - key: archive
                displayName: Paper archive
                kind: OTHER
                requestTypes: [ACCESS]
                identityTypes: [name]
                dataCategories: [letters]
                purposes: [record-keeping]
                retention: 10 years
                topic: custom.archive.tasks
                replyDeadline: PT12H
                manual: true
            """;

    @Test
    void bundledDemoRegistryLoads() {
        List<ConnectedSystem> systems = SystemsFile.load("classpath:systems.yaml");
        assertThat(systems).extracting(ConnectedSystem::key)
                .containsExactly("crm", "newsletter", "training-corpus", "model-registry");
        assertThat(systems).extracting(ConnectedSystem::kind)
                .containsExactly(SystemKind.DATABASE, SystemKind.SAAS, SystemKind.TRAINING_DATASET, SystemKind.MODEL_REGISTRY);
        assertThat(systems.get(0).identityTypes()).containsExactly("email", "customerId");
        assertThat(systems.get(1).identityTypes()).containsExactly("email");
        assertThat(systems).allSatisfy(s -> assertThat(s.topic()).isEqualTo("dsr.tasks." + s.key()));
    }

    @Test
    void goodFileIsReadWithDefaults() {
        List<ConnectedSystem> systems = SystemsFile.parse("test.yaml", GOOD);
        ConnectedSystem crm = systems.get(0);
        assertThat(crm.topic()).isEqualTo("dsr.tasks.crm");
        assertThat(crm.replyDeadline()).isEqualTo(Duration.ofDays(5));
        assertThat(crm.requestTypes()).containsExactlyInAnyOrder(RequestType.ACCESS, RequestType.ERASURE);
        assertThat(crm.recipients()).isEmpty();
        assertThat(crm.manual()).isFalse();
        assertThat(systems.get(1).topic()).isEqualTo("custom.archive.tasks");
        assertThat(systems.get(1).replyDeadline()).isEqualTo(Duration.ofHours(12));
        assertThat(systems.get(1).manual()).isTrue();
    }

    @Test
    void emptyListIsAllowed() {
        assertThat(SystemsFile.parse("test.yaml", "systems: []\n")).isEmpty();
    }

    @Test
    void unknownFieldIsNamedWithItsLine() {
        String bad = GOOD.replace("    retention: 10 years", "    retension: 10 years");
        assertThatThrownBy(() -> SystemsFile.parse("test.yaml", bad))
                .isInstanceOf(SystemsFileException.class)
                .hasMessageContaining("test.yaml, line 18")
                .hasMessageContaining("unknown field 'retension'");
    }

    @Test
    void badKindIsNamedWithItsLineAndTheAllowedValues() {
        String bad = GOOD.replace("kind: OTHER", "kind: ARCHIVE");
        assertThatThrownBy(() -> SystemsFile.parse("test.yaml", bad))
                .hasMessageContaining("line 13")
                .hasMessageContaining("'kind'")
                .hasMessageContaining("DATABASE, SAAS, TRAINING_DATASET, MODEL_REGISTRY, OTHER");
    }

    @Test
    void progressTimeoutIsOptionalAndBoundedByTheReplyDeadline() {
        assertThat(SystemsFile.parse("test.yaml", GOOD).get(0).progressTimeout()).isNull();
        String with = GOOD.replace("    replyDeadline: P5D\n", "    replyDeadline: P5D\n    progressTimeout: PT10M\n");
        ConnectedSystem crm = SystemsFile.parse("test.yaml", with).get(0);
        assertThat(crm.progressTimeout()).isEqualTo(Duration.ofMinutes(10));
        java.time.Instant now = java.time.Instant.parse("2026-12-03T10:00:00Z");
        assertThat(crm.nextLookAfterProgress(now, now.plus(Duration.ofDays(5)))).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(crm.nextLookAfterProgress(now, now.plusSeconds(60))).as("never after the reply due date")
                .isEqualTo(now.plusSeconds(60));
        for (String bad : List.of("PT30S", "P5D", "P6D", "ten minutes")) {
            assertThatThrownBy(() -> SystemsFile.parse("test.yaml", GOOD.replace("    replyDeadline: P5D\n",
                    "    replyDeadline: P5D\n    progressTimeout: " + bad + "\n")))
                    .hasMessageContaining("system 'crm'").hasMessageContaining("'progressTimeout'");
        }
    }

    @Test
    void missingRequiredFieldNamesTheSystemAndItsLine() {
        String bad = GOOD.replace("    replyDeadline: P5D\n", "");
        assertThatThrownBy(() -> SystemsFile.parse("test.yaml", bad))
                .hasMessageContaining("line 2")
                .hasMessageContaining("system 'crm'")
                .hasMessageContaining("'replyDeadline' is required");
    }

    @Test
    void duplicateYamlKeyIsRefused() {
        String bad = GOOD.replace("    kind: DATABASE\n", "    kind: DATABASE\n    kind: SAAS\n");
        assertThatThrownBy(() -> SystemsFile.parse("test.yaml", bad))
                .hasMessageContaining("line 5")
                .hasMessageContaining("kind");
    }

    @Test
    void duplicateSystemKeyIsRefused() {
        String bad = GOOD.replace("key: archive", "key: crm").replace("    manual: true\n", "");
        assertThatThrownBy(() -> SystemsFile.parse("test.yaml", bad))
                .hasMessageContaining("line 11")
                .hasMessageContaining("'crm' is declared twice (first at line 2)");
    }

    @Test
    void badDeadlineBadTypeAndBadTopicAreRefused() {
        assertThatThrownBy(() -> SystemsFile.parse("t", GOOD.replace("P5D", "five days")))
                .hasMessageContaining("line 2").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SystemsFile.parse("t", GOOD.replace("[ACCESS, ERASURE]", "[ACCESS, FORGET]")))
                .hasMessageContaining("line 5").hasMessageContaining("requestTypes");
        assertThatThrownBy(() -> SystemsFile.parse("t", GOOD.replace("custom.archive.tasks", "dsr.task-results")))
                .hasMessageContaining("line 11").hasMessageContaining("reserved");
        assertThatThrownBy(() -> SystemsFile.parse("t", GOOD.replace("key: crm", "key: CRM")))
                .hasMessageContaining("line 2").hasMessageContaining("lower-case");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> SystemsFile.parse("t", "systems:\n  - key: crm\n   displayName: [unclosed\n"))
                .isInstanceOf(SystemsFileException.class).hasMessageContaining("line ");
        assertThatThrownBy(() -> SystemsFile.parse("t", "services: []\n"))
                .hasMessageContaining("line 1").hasMessageContaining("'services'");
        assertThatThrownBy(() -> SystemsFile.parse("t", ""))
                .hasMessageContaining("empty");
    }
}
