package dev.rightsdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.ticket.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the state diagrams of docs/architecture.md to the tables the code checks every move against, both ways:
 * an edge drawn that the table refuses, or a move allowed that is not drawn, fails the build.
 */
class StateDiagramTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+|\\[\\*])\\s*-->\\s*(\\w+|\\[\\*])\\s*(?::.*)?$");

    @Test
    void theTicketDiagramIsTheTicketTable() throws IOException {
        Set<String> drawn = edges(diagramAfter("## Ticket states"));
        Set<String> table = table(TicketStatus.values(), TicketStatus::canMoveTo);

        assertThat(drawn).as("drawn in docs/architecture.md").containsExactlyInAnyOrderElementsOf(table);
    }

    @Test
    void theTaskDiagramIsTheTaskTable() throws IOException {
        Set<String> drawn = edges(diagramAfter("## Task states"));
        Set<String> table = table(TaskState.values(), TaskState::canMoveTo);

        assertThat(drawn).as("drawn in docs/architecture.md").containsExactlyInAnyOrderElementsOf(table);
    }

    private static <E extends Enum<E>> Set<String> table(E[] values, BiPredicate<E, E> canMoveTo) {
        Set<String> edges = new TreeSet<>();
        for (E from : values) {
            for (E to : values) {
                if (canMoveTo.test(from, to)) {
                    edges.add(from.name() + " --> " + to.name());
                }
            }
        }
        return edges;
    }

    /** The first mermaid block after {@code heading}. */
    private static String diagramAfter(String heading) throws IOException {
        String doc = Files.readString(DOC);
        int at = doc.indexOf("\n" + heading + "\n");
        assertThat(at).as(heading + " in " + DOC).isNotNegative();
        int start = doc.indexOf("```mermaid", at);
        int end = doc.indexOf("```", start + 3);
        assertThat(doc.substring(start, end)).contains("stateDiagram-v2");
        return doc.substring(start, end);
    }

    /** Every drawn move between two states; the start and end markers ({@code [*]}) are not moves. */
    private static Set<String> edges(String diagram) {
        Set<String> edges = new TreeSet<>();
        for (String line : diagram.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && !m.group(1).equals("[*]") && !m.group(2).equals("[*]")) {
                edges.add(m.group(1) + " --> " + m.group(2));
            }
        }
        assertThat(edges).as("edges parsed").isNotEmpty();
        return edges;
    }
}
