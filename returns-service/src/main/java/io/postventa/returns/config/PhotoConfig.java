package io.postventa.returns.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Photos of a damaged item that customers send with a return ({@code returns.photos.*}). */
@ConfigMapping(prefix = "returns.photos")
public interface PhotoConfig {
    /** The largest photo, in bytes. */
    @WithDefault("5242880")
    long maxSize();

    /** Photos one return may keep. */
    @WithDefault("3")
    int perReturn();
}
