"""Sends errors and messages to the DSN in SENTRY_DSN with Debian's Python SDK, then flushes."""
import logging
import os

import sentry_sdk

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], environment="test", release="shop@3.0.0", traces_sample_rate=1.0)
sentry_sdk.set_user({"id": "python-user-1"})
sentry_sdk.set_tag("checkout", "python")


def divide(numerator, denominator):
    return numerator / denominator


try:
    divide(1, 0)
except ZeroDivisionError:
    sentry_sdk.capture_exception()

sentry_sdk.capture_message("user 5 failed")
sentry_sdk.capture_message("user 7 failed")
logging.getLogger("payments").error("Payment %s was declined", "order-42")

with sentry_sdk.start_transaction(name="nightly-job", op="task"):
    with sentry_sdk.start_span(op="db", description="select 1"):
        pass

sentry_sdk.flush(10)
