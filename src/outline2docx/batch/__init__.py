"""Converting many files: plan inputs to outputs, convert in parallel, report every outcome."""

from outline2docx.batch.plan import (
    CONVERTED,
    DEFAULT_GLOBS,
    DOCX_OUTPUT_SUFFIX,
    FAILED,
    SKIPPED,
    Job,
    Outcome,
    Plan,
    output_name,
    plan_batch,
    written_by_us,
)

__all__ = [
    "CONVERTED",
    "DEFAULT_GLOBS",
    "DOCX_OUTPUT_SUFFIX",
    "FAILED",
    "SKIPPED",
    "Job",
    "Outcome",
    "Plan",
    "output_name",
    "plan_batch",
    "written_by_us",
]
