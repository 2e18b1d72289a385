"""excomm-sim: a teaching wargame set in the ExComm meeting of 3 November 1962."""

__version__ = "0.1.0"
__all__ = ["__version__"]
