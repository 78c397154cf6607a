package dev.rightsdesk.system;

/** What kind of store a connected system is; AI kinds answer with structured dataset and model facts. */
public enum SystemKind {
    /** An operational database (customer records, orders, ...). */
    DATABASE,
    /** A third-party service processing on the controller's behalf (newsletter, CRM in the cloud, ...). */
    SAAS,
    /** A training dataset: answers with the dataset versions holding the subject and the records removed. */
    TRAINING_DATASET,
    /** A model registry: answers with the model versions trained on data of the subject. */
    MODEL_REGISTRY,
    /** Anything else. */
    OTHER
}
