"""presence-postale: La Poste's territorial presence, from the command line."""

__version__ = "0.1.0"
