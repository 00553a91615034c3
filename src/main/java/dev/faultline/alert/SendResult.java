package dev.faultline.alert;

/**
 * How one attempt went: sent, or failed with the HTTP status or the error; a permanent failure (a refused address,
 * a 4xx other than 408 and 429) is not retried, and a throttled email is not sent at all.
 */
record SendResult(Status status, Integer httpStatus, String error) {

    enum Status { SENT, FAILED, PERMANENT_FAILURE, THROTTLED }

    static SendResult sent(Integer httpStatus) {
        return new SendResult(Status.SENT, httpStatus, null);
    }

    static SendResult failed(Integer httpStatus, String error) {
        return new SendResult(Status.FAILED, httpStatus, error);
    }

    static SendResult permanent(Integer httpStatus, String error) {
        return new SendResult(Status.PERMANENT_FAILURE, httpStatus, error);
    }

    static SendResult throttled(String error) {
        return new SendResult(Status.THROTTLED, null, error);
    }
}
