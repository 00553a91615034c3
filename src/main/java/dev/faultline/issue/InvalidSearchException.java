package dev.faultline.issue;

/** A search the issue list cannot run, with a message for the person who typed it. */
class InvalidSearchException extends RuntimeException {

    InvalidSearchException(String message) {
        super(message);
    }
}
