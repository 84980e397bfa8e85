"""Development: DEBUG on, mail printed on the console, tasks eager unless a broker is set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
INTERNAL_IPS = ["127.0.0.1"]
