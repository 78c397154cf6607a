package dev.rightsdesk.fanout.results;

/** What a connected system reports about one task. */
public enum Outcome {
    /** Done, for every record of the subject. */
    COMPLETED,
    /** The system holds no data of the subject. */
    NOT_FOUND,
    /** Done for part of the data; {@code reason} says why not for the rest. */
    PARTIAL,
    /** Could not be done; {@code retryable} says whether Rightsdesk should send the command again. */
    FAILED,
    /** Received and being worked on; not an answer. */
    ACKNOWLEDGED
}
