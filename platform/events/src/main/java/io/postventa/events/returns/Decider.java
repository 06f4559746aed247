package io.postventa.events.returns;

/** Who decided a return. */
public enum Decider {
    /** The risk consumer, from the risk matrix. */
    RISK_ENGINE,
    /** An agent, in manual review. */
    AGENT
}
