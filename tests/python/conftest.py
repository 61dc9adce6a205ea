"""Shared fixtures live in tests/pyfixtures.py."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyfixtures import *  # noqa: E402,F401,F403
