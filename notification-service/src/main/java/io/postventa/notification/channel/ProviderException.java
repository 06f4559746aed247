package io.postventa.notification.channel;

/** A provider refused or could not take a message; {@code code} is what notification.failed reports. */
public class ProviderException extends RuntimeException {
    private final String code;

    public ProviderException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
