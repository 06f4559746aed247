package io.postventa.feedback.domain;

import java.util.Locale;

/** What the ticket KPIs are split by: the channel a ticket came through, the team that handled it, the agent. */
public enum SplitDimension {
    CHANNEL, TEAM, AGENT;

    /** The dimension named by a query parameter (any case), or null. */
    public static SplitDimension parse(String value) {
        for (SplitDimension d : values()) {
            if (d.name().equalsIgnoreCase(value)) {
                return d;
            }
        }
        return null;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
