package com.emporium.platform.events.consumer;

/** A message that is not an event this subscription can read: retrying it cannot help, so it is dead-lettered. */
final class InvalidEvent extends Exception {

    InvalidEvent(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidEvent(String message) {
        super(message);
    }
}
