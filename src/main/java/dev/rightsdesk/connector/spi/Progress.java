package dev.rightsdesk.connector.spi;

/**
 * Lets an engine speak before its final answer: "working on it" when work takes long, and interim results on the
 * same task (a model registry reports the model versions first and their remediation later).
 */
public interface Progress {

    /** Sends {@code ACKNOWLEDGED} for the task (at most once; further calls do nothing). */
    void acknowledge();

    /** Sends a result before the final one (same task id, new event id). */
    void interim(ConnectorResult result);

    /** A progress that says nothing; for tests and dry runs. */
    Progress SILENT = new Progress() {
        @Override
        public void acknowledge() {
        }

        @Override
        public void interim(ConnectorResult result) {
        }
    };
}
