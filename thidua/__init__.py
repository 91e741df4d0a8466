"""thidua: emulation-cluster scores and PAR Index rankings for Vietnamese public administration."""
