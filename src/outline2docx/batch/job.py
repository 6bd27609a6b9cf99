"""Converting one job of a batch through the pipeline; every failure becomes an Outcome."""

from __future__ import annotations

from outline2docx.batch.plan import CONVERTED, FAILED, Job, Outcome
from outline2docx.errors import Outline2DocxError
from outline2docx.i18n import _
from outline2docx.pipeline import Settings, publish


def convert_job(job: Job, settings: Settings, pdf: bool = False) -> Outcome:
    """Convert one file (and export its PDF); any failure becomes an Outcome, never an error."""
    try:
        return Outcome(job, CONVERTED, notes=_convert(job, settings, pdf))
    except Outline2DocxError as exc:
        reason = getattr(exc, "problem", None) or str(exc)
        return Outcome(job, FAILED, reason, exit_code=exc.exit_code)
    except OSError as exc:  # inputs are read by the readers, so this is the output
        reason = _("{file}: cannot write: {error}")
        return Outcome(job, FAILED, reason.format(file=job.target, error=exc.strerror or exc))
    except Exception as exc:  # a bug must not stop the rest of the batch
        reason = _("internal error: {kind}: {error}")
        return Outcome(job, FAILED, reason.format(kind=type(exc).__name__, error=exc))


def _convert(job: Job, settings: Settings, pdf: bool) -> tuple[str, ...]:
    from outline2docx.output import write_atomically

    publication = publish(job.source, settings)
    job.target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(job.target, publication.data)
    if pdf:
        from outline2docx.pdf import export_pdf

        export_pdf(job.target)
    return publication.notes
