"""tieline: auditable event data about defence, security and international relations."""

__version__ = "0.1.0"
