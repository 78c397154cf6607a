package dev.rightsdesk.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.sql.SqlMapping.Direction;
import dev.rightsdesk.connector.sql.SqlMapping.Mask;
import dev.rightsdesk.connector.sql.SqlMapping.Policy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mapping files and connector blocks that are wrong are refused with the file, the line and what to fix. */
class SqlMappingParserTest {

    @Test
    void theDemoMappingsParse() throws Exception {
        SqlMapping crm = SqlMappingParser.load("classpath:connectors/demo-shop-crm.yaml", null);
        SqlMapping.Collection customer = crm.collection("customer").orElseThrow();
        assertThat(customer.identities().get("email").ignoreCase()).isTrue();
        assertThat(customer.fields().get("phone").mask()).isEqualTo(Mask.NULL);
        assertThat(customer.references().get(0).direction()).isEqualTo(Direction.POINTS_TO);
        assertThat(crm.collection("orders").orElseThrow().erasure().policy()).isEqualTo(Policy.RETAIN);
        assertThat(crm.purposes()).containsExactly("ai-training", "direct-marketing");
        assertThat(SqlMappingParser.load("classpath:connectors/demo-shop-newsletter.yaml", null).suppressions()).hasSize(1);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> SqlMappingParser.parse("shop.yaml", """
                collections:
                  customer:
                    identities: {email: email}
                    fields:
                      email: {category: contact, mask: hash, rectifyable: email}
                    erasure: delete
                """))
                .isInstanceOf(InvalidConnectorConfig.class)
                .hasMessageContaining("Dataset mapping shop.yaml, line 5:")
                .hasMessageContaining("unknown key 'rectifyable'")
                .hasMessageContaining("known keys: category, mask, rectifiable, value");
    }

    @Test
    void retainWithoutALegalGroundIsRefused() {
        assertThatThrownBy(() -> SqlMappingParser.parse("shop.yaml", """
                collections:
                  customer:
                    identities: {email: email}
                    erasure: delete
                  orders:
                    references: [{field: customer_id, to: customer.id}]
                    erasure: retain
                """))
                .hasMessageContaining("line 7:").hasMessageContaining("'retain' needs a legal ground");
    }

    @Test
    void aBadMaskAReferenceToNothingAndBrokenYamlAreRefusedAtTheirLines() {
        assertThatThrownBy(() -> SqlMappingParser.parse("a.yaml", """
                collections:
                  customer:
                    identities: {email: email}
                    fields:
                      email: {category: contact, mask: scramble}
                    erasure: delete
                """)).hasMessageContaining("line 5:").hasMessageContaining("'mask' must be one of null, hash, random, fixed");
        assertThatThrownBy(() -> SqlMappingParser.parse("b.yaml", """
                collections:
                  customer:
                    identities: {email: email}
                    references:
                      - {field: address_id, to: adress.id, direction: points-to}
                    erasure: delete
                """)).hasMessageContaining("line 5:").hasMessageContaining("collection 'adress', which is not mapped");
        assertThatThrownBy(() -> SqlMappingParser.parse("c.yaml", "collections:\n  customer: {identities: [\n"))
                .hasMessageContaining("Dataset mapping c.yaml, line");
        assertThatThrownBy(() -> SqlMappingParser.parse("d.yaml", """
                collections:
                  customer:
                    fields: {email: {category: contact}}
                    erasure: delete
                """)).hasMessageContaining("no collection has 'identities'");
        assertThatThrownBy(() -> SqlMappingParser.parse("e.yaml", """
                collections:
                  customer:
                    table: "customer; DROP TABLE customer"
                    identities: {email: email}
                    erasure: delete
                """)).hasMessageContaining("line 3:").hasMessageContaining("is not a plain SQL name");
    }

    @Test
    void theConnectorBlockNeverHoldsAPasswordAndItsSecretsMustResolve() {
        ObjectNode block = new ObjectMapper().createObjectNode().put("type", "sql")
                .put("jdbcUrl", "jdbc:postgresql://db/shop").put("username", "rightsdesk")
                .put("dataset", "classpath:connectors/demo-shop-crm.yaml");
        assertThatThrownBy(() -> SqlSettings.from(settings(block.deepCopy().put("password", "secret"), Map.of())))
                .hasMessageContaining("a password is never written in the file");
        assertThatThrownBy(() -> SqlSettings.from(settings(block.deepCopy().put("passwordEnv", "CRM_DB_PASSWORD"), Map.of())))
                .hasMessageContaining("'CRM_DB_PASSWORD' is not set");
        assertThatThrownBy(() -> SqlSettings.from(settings(block.deepCopy().put("jdbcUrl", "jdbc:oracle:thin:@db"), Map.of())))
                .hasMessageContaining("jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
        assertThatThrownBy(() -> SqlSettings.from(settings(block.deepCopy().put("statementTimout", "PT5S"), Map.of())))
                .hasMessageContaining("unknown key 'statementTimout'");
    }

    @Test
    void secretsResolveAndNeverPrint() throws Exception {
        ObjectNode block = new ObjectMapper().createObjectNode().put("type", "sql")
                .put("jdbcUrl", "jdbc:mariadb://db/shop").put("username", "rightsdesk").put("passwordEnv", "PW")
                .put("hashKeyEnv", "KEY").put("dataset", "shop.yaml").put("statementTimeout", "PT3S");
        SqlSettings s = SqlSettings.from(settings(block, Map.of("PW", "s3cret\n", "KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));

        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.hashKey()).hasSize(32);
        assertThat(s.hashKeyFromDeployment()).isTrue();
        assertThat(s.statementTimeout()).hasSeconds(3);
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    private static ConnectorSettings settings(ObjectNode block, Map<String, String> secrets) {
        return new ConnectorSettings("crm", "sql", block, null, ref -> Optional.ofNullable(secrets.get(ref)), false);
    }
}
