"""kx.config: the settings PyKX reads from the environment, as openq applies them."""
import os

licensed = True
pykx_qdebug = os.getenv("PYKX_QDEBUG", "").lower() in ("1", "true")
keep_local_times = os.getenv("PYKX_KEEP_LOCAL_TIMES", "").lower() in ("1", "true")
beta_features = os.getenv("PYKX_BETA_FEATURES", "").lower() in ("1", "true")
no_qce = True
pandas_2 = True
suppress_warnings = os.getenv("PYKX_SUPPRESS_WARNINGS", "").lower() in ("1", "true")


def _set_keep_local_times(value):
    global keep_local_times
    keep_local_times = bool(value)
