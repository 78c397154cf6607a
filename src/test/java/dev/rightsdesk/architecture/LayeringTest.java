package dev.rightsdesk.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls of docs/architecture.md ("Layers"), checked on the compiled classes so the build fails on the first
 * import that points up or across. No exemptions: a rule that needs one is a rule to change in the docs first.
 */
@AnalyzeClasses(packages = "dev.rightsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** No two top-level packages reach each other, directly or through a third. */
    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching("dev.rightsdesk.(*)..")
            .should().beFreeOfCycles();

    /** Every import points down the layers; within the workflow and edge layers, only the named features. */
    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("platform").definedBy("dev.rightsdesk.platform..")
            .layer("deadline").definedBy("dev.rightsdesk.deadline..")
            .layer("ticket").definedBy("dev.rightsdesk.ticket..")
            .layer("system").definedBy("dev.rightsdesk.system..")
            .layer("notice").definedBy("dev.rightsdesk.notice..")
            .layer("fanout").definedBy("dev.rightsdesk.fanout..")
            .layer("ai").definedBy("dev.rightsdesk.ai..")
            .layer("intake").definedBy("dev.rightsdesk.intake..")
            .layer("access").definedBy("dev.rightsdesk.access..")
            .layer("officer").definedBy("dev.rightsdesk.officer..")
            .layer("connector").definedBy("dev.rightsdesk.connector..")
            .layer("shredding").definedBy("dev.rightsdesk.shredding..")

            .whereLayer("platform").mayNotAccessAnyLayer()
            .whereLayer("deadline").mayNotAccessAnyLayer()
            .whereLayer("ticket").mayOnlyAccessLayers("platform", "deadline")
            .whereLayer("system").mayOnlyAccessLayers("platform", "ticket")
            .whereLayer("notice").mayOnlyAccessLayers("platform", "deadline", "ticket")
            .whereLayer("fanout").mayOnlyAccessLayers("platform", "deadline", "ticket", "system")
            .whereLayer("ai").mayOnlyAccessLayers("platform", "deadline", "ticket", "system", "fanout")
            .whereLayer("intake").mayOnlyAccessLayers(
                    "platform", "deadline", "ticket", "system", "notice", "fanout", "ai")
            .whereLayer("access").mayOnlyAccessLayers(
                    "platform", "deadline", "ticket", "system", "notice", "fanout", "ai", "intake")
            .whereLayer("officer").mayOnlyAccessLayers(
                    "platform", "deadline", "ticket", "system", "notice", "fanout", "ai")
            // Crypto-shredding reads closed tickets and the audit trail, nothing else.
            .whereLayer("shredding").mayOnlyAccessLayers("platform", "ticket")
            // Built-in connectors are clients of the public Kafka contract: never Rightsdesk's own tables or services.
            .whereLayer("connector").mayOnlyAccessLayers("platform", "system");

    /** The statutory clock is arithmetic (ADR 0003): no framework, no other package of ours. */
    @ArchTest
    static final ArchRule deadlineIsPure = noClasses()
            .that().resideInAPackage("dev.rightsdesk.deadline..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "io.smallrye..", "jakarta..", "org.hibernate..", "com.fasterxml..",
                    "dev.rightsdesk.platform..", "dev.rightsdesk.ticket..")
            .allowEmptyShould(true);

    /** One owner per state machine: a ticket's status is set by TicketService only (its table, its history). */
    @ArchTest
    static final ArchRule ticketStatusHasOneOwner = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.rightsdesk.ticket.TicketService")
            .should().setField("dev.rightsdesk.ticket.Ticket", "status");

    /** Outside the core, tickets move through TicketService's named steps, which decide the next status. */
    @ArchTest
    static final ArchRule ticketMovesAreNamedSteps = noClasses()
            .that().resideOutsideOfPackage("dev.rightsdesk.ticket..")
            .should().callMethodWhere(target(name("move")).and(target(owner(name("dev.rightsdesk.ticket.TicketService")))));

    /** One owner per state machine: a task's state is set by Task.moveTo only (checked against TaskState's table). */
    @ArchTest
    static final ArchRule taskStateHasOneOwner = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.rightsdesk.fanout.Task")
            .should().setField("dev.rightsdesk.fanout.Task", "state");
}
