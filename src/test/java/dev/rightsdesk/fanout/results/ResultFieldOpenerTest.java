package dev.rightsdesk.fanout.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.crypto.PersonalDataEncryption;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** personal-data-encryption=required refuses results with personal fields in the clear; optional counts them. */
class ResultFieldOpenerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requiredRefusesAClearAnswerAndOptionalCountsIt() throws Exception {
        JsonNode clear = JSON.readTree("{\"taskId\": \"t\", \"outcome\": \"COMPLETED\", \"answer\": {\"email\": \"ada@example.org\"}}");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ResultFieldOpener required = new ResultFieldOpener(null, () -> PersonalDataEncryption.Mode.REQUIRED, meters);
        assertThatThrownBy(() -> required.apply(clear)).isInstanceOf(MalformedResultException.class)
                .hasMessage("data.answer must be encrypted with the ticket's data key (rd1, rightsdesk.kafka.personal-data-encryption=required)")
                .hasMessageNotContaining("ada");
        // A result without personal fields (an acknowledgement, a dataset report) passes untouched.
        JsonNode ack = JSON.readTree("{\"taskId\": \"t\", \"outcome\": \"ACKNOWLEDGED\", \"summary\": \"on it\"}");
        assertThat(required.apply(ack)).isSameAs(ack);
        assertThat(meters.counter("rightsdesk.task.results.in.clear").count()).isEqualTo(1);
    }
}
