"""Stage 2, check: parsed documents checked against the content format, every error at once,
into the frozen model. After this, the rest of the code trusts the model."""
