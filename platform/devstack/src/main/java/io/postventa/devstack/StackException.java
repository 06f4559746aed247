package io.postventa.devstack;

/** A start-up failure with one line a user can act on (port taken, directory not writable...). */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
