package dev.rightsdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.ai.exclusion.ExclusionConfig;
import dev.rightsdesk.ai.exclusion.SubjectHasher;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented construction (docs/ai-rights.md, section 2) and its test vectors. */
class SubjectHasherTest {

    static SubjectHasher hasher(Set<String> lowerCaseTypes) {
        return new SubjectHasher(new ExclusionConfig() {
            public String hmacKey() {
                return AiTestSupport.TEST_KEY;
            }

            public Set<String> lowerCaseTypes() {
                return lowerCaseTypes;
            }

            public int maxCheckBatch() {
                return 10_000;
            }

            public long maxCheckBodySize() {
                return 1 << 20;
            }

            public Topic topic() {
                return null;
            }
        });
    }

    @Test
    void matchesTheDocumentedTestVectors() {
        SubjectHasher h = hasher(Set.of("email"));
        assertThat(h.hash("email", "  Ada@Example.ORG ")).isEqualTo("f52c3fb6962e0a96db59cd981a07545198b0a39d00f7ad792164b5a883a10e1d");
        assertThat(h.hash("customerId", " C-1 ")).isEqualTo("a297fa003d42b4f07d97502fa39e79a3fdc821cfd5525beb9fd24f8aaa9f7bcf");
        assertThat(h.hash("email", "ada@example.org")).isEqualTo(AiTestSupport.hmac("email", "ada@example.org"));
    }

    @Test
    void onlyEmailAndConfiguredTypesAreLowerCased() {
        SubjectHasher h = hasher(Set.of("email", "username"));
        assertThat(h.normalise("customerId", " AbC ")).isEqualTo("AbC");
        assertThat(h.normalise("username", " AbC ")).isEqualTo("abc");
        assertThat(h.hash("customerId", "abc")).isNotEqualTo(h.hash("customerId", "ABC"));
        assertThat(h.hash("email", "x@y.z")).as("the type is part of the message").isNotEqualTo(h.hash("username", "x@y.z"));
        assertThat(SubjectHasher.typeOf("Email")).isEqualTo("email");
        assertThat(SubjectHasher.typeOf("customerId")).isEqualTo("customerId");
    }
}
