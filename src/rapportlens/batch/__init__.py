"""Corpus analysis: many transcripts, in parallel or on a Dask cluster, resumable, into tables.

Needs the ``corpus`` extra (pyarrow for Parquet, Dask for clusters):
``pip install 'rapportlens[corpus]'``.
"""

from .engines import DaskEngine, Engine, ProcessEngine, SerialEngine, make_engine
from .engines import cores as default_jobs
from .inputs import discover
from .runner import BatchResult, ReadOptions, run_batch

__all__ = ["BatchResult", "DaskEngine", "Engine", "ProcessEngine", "ReadOptions", "SerialEngine",
           "default_jobs", "discover", "make_engine", "run_batch"]
