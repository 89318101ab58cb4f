"""Click commands for areas beyond the core (each module exposes ``commands: list[click.Command]``).

``tieline.cli`` registers them; each command stays a thin layer over a library function.
"""
